namespace Varsling.Core;

/// <summary>
/// A domain rule refused an action (an illegal lifecycle step, invalid settings). Hosts translate it into a
/// form error or a 400; its message is written for the person who tried and never contains case content.
/// </summary>
public class RuleViolationException(string message) : Exception(message);

/// <summary>
/// A form was filled in on a page opened before the case last changed (its concurrency version moved); nothing was
/// written. Pages say so in the reader's language and show the case as it is now.
/// </summary>
public sealed class CaseChangedException() : RuleViolationException("The case changed since you opened it. Reload the page and try again.");

/// <summary>The thing asked for does not exist or is not the caller's; hosts answer 404 for both.</summary>
public sealed class NotFoundException(string message) : Exception(message);

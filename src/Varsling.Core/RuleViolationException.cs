namespace Varsling.Core;

/// <summary>
/// A domain rule refused an action (an illegal lifecycle step, invalid settings). Hosts translate it into a
/// form error or a 400; its message is written for the person who tried and never contains case content.
/// </summary>
public sealed class RuleViolationException(string message) : Exception(message);

/// <summary>The thing asked for does not exist or is not the caller's; hosts answer 404 for both.</summary>
public sealed class NotFoundException(string message) : Exception(message);

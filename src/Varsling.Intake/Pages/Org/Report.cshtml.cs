using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Varsling.Core.Reports;

namespace Varsling.Intake.Pages.Org;

/// <summary>The report's answers as the first step of the form posts them; nothing is stored until the final submit.</summary>
public sealed class ReportInput
{
    public Guid? CategoryId { get; set; }

    [Required(ErrorMessage = "what.required")]
    public string? What { get; set; }

    public string? When { get; set; }
    public string? Where { get; set; }
    public string? Who { get; set; }
    public string? How { get; set; }
    public string? Name { get; set; }
    public string? Contact { get; set; }

    /// <summary>Answers to the channel's own questions, by question id.</summary>
    public Dictionary<Guid, string?> Extra { get; set; } = [];
}

/// <summary>
/// Step 1 (write) and step 2 (review and attach) of a report. Step 2 is rendered from the posted answers, which go
/// back to the browser as hidden fields; the final multipart submit goes to the Submit page, which reads it as a
/// stream. With JavaScript, step 1 is reviewed in the page and everything is sealed in the browser.
/// </summary>
public sealed class ReportModel(ReportIntake intake, IOptions<IntakeOptions> options) : PageModel
{
    [BindProperty]
    public ReportInput Input { get; set; } = new();

    /// <summary>Set by the review step's "change" button: show the answers in the form again.</summary>
    [BindProperty]
    public string? Edit { get; set; }

    public IntakeChannel Channel { get; private set; } = null!;
    public bool Reviewing { get; private set; }

    /// <summary>New for every review page: the submit form carries it so a resubmitted form files nothing twice.</summary>
    public Guid SubmissionId { get; } = Guid.NewGuid();
    public string? Error { get; set; }
    public int MaxTextLength => options.Value.MaxTextLength;
    public long MaxFileMegabytes => options.Value.MaxFileBytes / (1024 * 1024);
    public int MaxFiles => options.Value.MaxFiles;

    /// <summary>The deployment's public receipt salt (hex), for the browser path.</summary>
    public string ReceiptSalt { get; private set; } = "";

    /// <summary>
    /// The channel's recipients as "userId:publicKeyHex:kinds" triples, for the browser to wrap the case keys to;
    /// kinds is the key kind numbers the recipient receives (protocol.md §3), e.g. "1234", or "134" for a handler who
    /// is not a custodian on a channel whose identities custodians hold.
    /// </summary>
    public string RecipientKeys => string.Join(",", Channel.Recipients.Select(r =>
        r.UserId + ":" + Convert.ToHexStringLower(r.PublicKey) + ":" + string.Concat(r.Kinds.Select(k => ((int)k).ToString(System.Globalization.CultureInfo.InvariantCulture)))));

    public async Task OnGetAsync(string org, string channel, CancellationToken ct) => await LoadAsync(org, channel, ct);

    public async Task<IActionResult> OnPostAsync(string org, string channel, CancellationToken ct)
    {
        await LoadAsync(org, channel, ct);
        foreach (var (field, value) in Texts())
        {
            if (value is not null && value.Length > MaxTextLength)
            {
                ModelState.AddModelError("Input." + field, "text.tooLong");
            }
        }

        foreach (var question in Channel.Questions)
        {
            var answer = ExtraAnswer(question.Id);
            if (answer.Length > MaxTextLength)
            {
                ModelState.AddModelError("Input_Extra_" + question.Id.ToString("N"), "text.tooLong");
            }
            else if (question.Required && string.IsNullOrWhiteSpace(answer))
            {
                ModelState.AddModelError("Input_Extra_" + question.Id.ToString("N"), "question.required");
            }
        }

        if (Input.CategoryId is { } categoryId && Channel.Categories.All(c => c.Id != categoryId))
        {
            ModelState.AddModelError("Input.CategoryId", "category.unknown");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Reviewing = Edit is null;
        return Page();
    }

    private IEnumerable<(string Field, string? Value)> Texts() =>
    [
        (nameof(Input.What), Input.What), (nameof(Input.When), Input.When), (nameof(Input.Where), Input.Where),
        (nameof(Input.Who), Input.Who), (nameof(Input.How), Input.How), (nameof(Input.Name), Input.Name), (nameof(Input.Contact), Input.Contact),
    ];

    internal async Task LoadAsync(string org, string channel, CancellationToken ct)
    {
        Channel = await intake.GetChannelAsync(org, channel, ct);
        if (!Channel.IsOpen)
        {
            throw new Core.NotFoundException("The channel is closed.");
        }

        ReceiptSalt = Convert.ToHexStringLower(await intake.ReceiptSaltAsync(ct));

    }

    /// <summary>The reporter's answer to one of the channel's questions, as posted (empty when none).</summary>
    public string ExtraAnswer(Guid questionId) => Input.Extra.TryGetValue(questionId, out var v) ? v ?? "" : "";

    public string CategoryName => Input.CategoryId is { } id ? Channel.Categories.FirstOrDefault(c => c.Id == id)?.Name ?? "" : "";
}

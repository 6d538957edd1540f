using AngleSharp.Html.Parser;
using Portal.Domain.Audiences;
using Portal.Domain.Content;

namespace Portal.Web.Features.Content.Editing;

/// <summary>The edit form's state: what the editor has typed, saved or not yet.</summary>
public sealed class DraftForm
{
    public ContentKind Kind { get; set; }

    public string Title { get; set; } = "";

    public string? Summary { get; set; }

    public string Body { get; set; } = "";

    public string? Category { get; set; }

    public bool RequiresAcknowledgement { get; set; }

    public bool Pinned { get; set; }

    /// <summary>On the organisation's wall clock.</summary>
    public DateTime? ExpiresAtLocal { get; set; }

    public bool Notify { get; set; } = true;

    public bool Everyone { get; set; } = true;

    public List<RuleForm> Rules { get; } = [];

    public static DraftForm From(EditorItem item, LocalTimes times)
    {
        var form = new DraftForm
        {
            Kind = item.Kind,
            Title = item.Title,
            Summary = item.Summary,
            Body = item.Body,
            Category = item.Category,
            RequiresAcknowledgement = item.RequiresAcknowledgement,
            Pinned = item.Pinned,
            ExpiresAtLocal = item.ExpiresAt is { } expires ? times.ToLocal(expires) : null,
            Notify = item.Notify,
            Everyone = item.Everyone,
        };
        form.Rules.AddRange(item.Rules.Select(RuleForm.From));
        return form;
    }

    /// <summary>
    /// Whether the editor wrote anything worth keeping: a new item is saved only from then on, so opening
    /// the editor (or only choosing its audience) leaves no empty draft behind.
    /// </summary>
    public bool HasContent =>
        !string.IsNullOrWhiteSpace(Title) || !string.IsNullOrWhiteSpace(Summary) || !string.IsNullOrWhiteSpace(Category) || BodyHasContent(Body);

    public AudienceInput Audience() =>
        new(Everyone, [.. Rules.Where(r => r.IsComplete).Select(r => r.ToInput())]);

    public DraftInput ToInput(LocalTimes times) => new(
        Kind, Title, Summary, Body, Category, RequiresAcknowledgement, Pinned,
        ExpiresAtLocal is { } local ? times.ToUtc(local) : null, Notify, Audience());

    // The rich-text editor leaves empty paragraphs and line breaks behind when it is only clicked.
    private static bool BodyHasContent(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return false;
        }

        var document = new HtmlParser().ParseDocument("<body></body>");
        document.Body!.InnerHtml = body;
        return !string.IsNullOrWhiteSpace(document.Body.TextContent) || document.Body.QuerySelector("img, table, hr") is not null;
    }
}

/// <summary>One audience rule being edited; it counts once it points at something.</summary>
public sealed class RuleForm
{
    public AudienceRuleKind Kind { get; set; } = AudienceRuleKind.Department;

    public long? DepartmentId { get; set; }

    public Guid? RoleId { get; set; }

    public Guid? PersonId { get; set; }

    public bool IncludeSubdepartments { get; set; } = true;

    public bool Exclude { get; set; }

    public string Label { get; set; } = "";

    public bool IsComplete => Kind switch
    {
        AudienceRuleKind.Department => DepartmentId is not null,
        AudienceRuleKind.Role => RoleId is not null,
        _ => PersonId is not null,
    };

    public static RuleForm From(RuleView view) => new()
    {
        Kind = view.Rule.Kind,
        DepartmentId = view.Rule.DepartmentId,
        RoleId = view.Rule.RoleId,
        PersonId = view.Rule.PersonId,
        IncludeSubdepartments = view.Rule.IncludeSubdepartments,
        Exclude = view.Rule.Exclude,
        Label = view.Label,
    };

    public AudienceRuleInput ToInput() =>
        new(Kind, DepartmentId, Kind == AudienceRuleKind.Department && IncludeSubdepartments, RoleId, PersonId, Exclude);
}

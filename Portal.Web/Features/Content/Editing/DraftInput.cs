using Portal.Domain.Audiences;
using Portal.Domain.Content;

namespace Portal.Web.Features.Content.Editing;

/// <summary>Everything an editor writes into a draft; the body is HTML and is sanitized before it is stored.</summary>
public sealed record DraftInput(
    ContentKind Kind,
    string Title,
    string? Summary,
    string? Body,
    string? Category,
    bool RequiresAcknowledgement,
    bool Pinned,
    DateTime? ExpiresAt,
    bool Notify,
    AudienceInput Audience);

/// <summary>Everyone (minus exclusions), or departments, roles and people minus exclusions.</summary>
public sealed record AudienceInput(bool Everyone, IReadOnlyList<AudienceRuleInput> Rules)
{
    public static AudienceInput ForEveryone() => new(true, []);

    /// <summary>The rules as the audience stores them: with everyone, only exclusions mean anything.</summary>
    public IReadOnlyList<AudienceRule> ToRules() =>
        [.. Rules.Where(r => !Everyone || r.Exclude).Select(r => r.ToRule())];
}

public sealed record AudienceRuleInput(AudienceRuleKind Kind, long? DepartmentId, bool IncludeSubdepartments, Guid? RoleId, Guid? PersonId, bool Exclude)
{
    public static AudienceRuleInput From(AudienceRule rule) =>
        new(rule.Kind, rule.DepartmentId, rule.IncludeSubdepartments, rule.RoleId, rule.PersonId, rule.Exclude);

    public AudienceRule ToRule() => Kind switch
    {
        AudienceRuleKind.Department => AudienceRule.ForDepartment(DepartmentId ?? 0, IncludeSubdepartments, Exclude),
        AudienceRuleKind.Role => AudienceRule.ForRole(RoleId ?? Guid.Empty, Exclude),
        _ => AudienceRule.ForPerson(PersonId ?? Guid.Empty, Exclude),
    };
}

/// <summary>The saved draft and its version (the time it last changed), which the next save must name.</summary>
public sealed record SavedDraft(Guid Id, DateTime Version);

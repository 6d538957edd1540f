using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Data;

namespace Portal.Web.Features.Admin;

/// <summary>A rule as the editor shows it: people by userId, resolved to ids only for preview and save.</summary>
public sealed class EditableRule
{
    public RoleRuleKind Kind { get; set; }

    public long? DepartmentId { get; set; }

    public bool IncludeSubdepartments { get; set; }

    public string? Value { get; set; }

    public string? UserId { get; set; }

    public bool Exclude { get; set; }

    public static EditableRule From(RoleRule rule, string? userId) => new()
    {
        Kind = rule.Kind,
        DepartmentId = rule.DepartmentId,
        IncludeSubdepartments = rule.IncludeSubdepartments,
        Value = rule.Value,
        UserId = userId,
        Exclude = rule.Exclude,
    };

    /// <returns>The drafts, or null and the resource key of what is wrong.</returns>
    public static async Task<(List<RuleDraft>? Drafts, string? Problem)> ResolveAsync(PortalDb db, IReadOnlyList<EditableRule> rules)
    {
        var userIds = rules.Where(r => r.Kind == RoleRuleKind.Person).Select(r => r.UserId?.Trim() ?? "").ToList();
        var people = await db.People.AsNoTracking().Where(p => userIds.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, p => p.Id);
        var drafts = new List<RuleDraft>();
        foreach (var rule in rules)
        {
            Guid? personId = null;
            if (rule.Kind == RoleRuleKind.Person)
            {
                if (!people.TryGetValue(rule.UserId?.Trim() ?? "", out var id))
                {
                    return (null, "UnknownPerson");
                }

                personId = id;
            }

            if (rule.Kind == RoleRuleKind.Department && rule.DepartmentId is null)
            {
                return (null, "UnknownDepartment");
            }

            drafts.Add(new RuleDraft(rule.Kind, rule.DepartmentId, rule.IncludeSubdepartments, rule.Value, personId, rule.Exclude));
        }

        return (drafts, null);
    }
}

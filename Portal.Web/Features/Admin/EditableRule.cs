using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Data;

namespace Portal.Web.Features.Admin;

/// <summary>A rule as the editor shows it: a person as the one picked by name, with what tells them apart.</summary>
public sealed class EditableRule
{
    public RoleRuleKind Kind { get; set; }

    public long? DepartmentId { get; set; }

    public bool IncludeSubdepartments { get; set; }

    public string? Value { get; set; }

    public PersonChoice? Person { get; set; }

    public bool Exclude { get; set; }

    public static EditableRule From(RoleRule rule, PersonChoice? person) => new()
    {
        Kind = rule.Kind,
        DepartmentId = rule.DepartmentId,
        IncludeSubdepartments = rule.IncludeSubdepartments,
        Value = rule.Value,
        Person = person,
        Exclude = rule.Exclude,
    };

    /// <returns>The drafts, or null and the resource key of what is wrong.</returns>
    public static async Task<(List<RuleDraft>? Drafts, string? Problem)> ResolveAsync(PortalDb db, IReadOnlyList<EditableRule> rules)
    {
        var chosen = rules.Where(r => r.Kind == RoleRuleKind.Person && r.Person is not null).Select(r => r.Person!.Id).ToList();
        var existing = (await db.People.AsNoTracking().Where(p => chosen.Contains(p.Id)).Select(p => p.Id).ToListAsync()).ToHashSet();
        var drafts = new List<RuleDraft>();
        foreach (var rule in rules)
        {
            Guid? personId = null;
            if (rule.Kind == RoleRuleKind.Person)
            {
                if (rule.Person is null)
                {
                    return (null, "PickPerson");
                }

                if (!existing.Contains(rule.Person.Id))
                {
                    return (null, "UnknownPerson");
                }

                personId = rule.Person.Id;
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

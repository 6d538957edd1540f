using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Data;
using Portal.Web.Features.Admin;

namespace Portal.Web.Features.Demo;

/// <summary>A rule the demo organisation's roles start with: a department (by name, with its teams) or a title.</summary>
internal sealed record DemoRoleRule(string Role, RoleRuleKind Kind, string Value);

/// <summary>
/// Gives the demo organisation (星河数智科技) editors and approvers, as an admin would: rules on the
/// built-in roles, saved through <see cref="ChangeRoleRules"/>, audited. The brand team and the office
/// services team write; the centre directors approve. Admins are DingTalk's own admins, mapped.
/// A role that has rules, or whose rules an admin ever changed, is left alone.
/// </summary>
public sealed class DemoRoles(IDbContextFactory<PortalDb> dbFactory, ChangeRoleRules changeRules)
{
    public const string ActorName = "demo data";

    internal static readonly DemoRoleRule[] Rules =
    [
        new(Role.Editor, RoleRuleKind.Department, "品牌部"),
        new(Role.Editor, RoleRuleKind.Department, "行政服务组"),
        new(Role.Approver, RoleRuleKind.Title, "中心总监"),
    ];

    /// <returns>How many roles it gave rules.</returns>
    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        var given = 0;
        foreach (var role in Rules.GroupBy(r => r.Role))
        {
            var drafts = await DraftsAsync(role.Key, role, cancellationToken);
            if (drafts is { Count: > 0 })
            {
                await changeRules.ExecuteAsync(new Actor(null, ActorName), role.Key, drafts, cancellationToken);
                given++;
            }
        }

        return given;
    }

    /// <returns>Null when the role is not the demo's to set.</returns>
    private async Task<List<RuleDraft>?> DraftsAsync(string roleKey, IEnumerable<DemoRoleRule> rules, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subject = ChangeRoleRules.AuditSubject(roleKey);
        if (await db.RoleRules.AnyAsync(r => db.Roles.Any(role => role.Id == r.RoleId && role.Key == roleKey), cancellationToken)
            || await db.AuditEntries.AnyAsync(e => e.Action == ChangeRoleRules.AuditAction && e.Subject == subject, cancellationToken))
        {
            return null;
        }

        var drafts = new List<RuleDraft>();
        foreach (var rule in rules)
        {
            if (rule.Kind == RoleRuleKind.Title)
            {
                drafts.Add(new RuleDraft(RoleRuleKind.Title, null, false, rule.Value, null, false));
            }
            else if (await db.Departments.Where(d => d.Name == rule.Value).OrderBy(d => d.Id).Select(d => (long?)d.Id).FirstOrDefaultAsync(cancellationToken) is { } departmentId)
            {
                drafts.Add(new RuleDraft(RoleRuleKind.Department, departmentId, true, null, null, false));
            }
        }

        return drafts;
    }
}

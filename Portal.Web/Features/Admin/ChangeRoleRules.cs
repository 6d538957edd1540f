using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Admin;
using Portal.Domain.Audiences;
using Portal.Domain.Data;
using Portal.Web.Features.Roles;

namespace Portal.Web.Features.Admin;

/// <summary>The rules of one role as an editor holds them.</summary>
public sealed record RuleDraft(RoleRuleKind Kind, long? DepartmentId, bool IncludeSubdepartments, string? Value, Guid? PersonId, bool Exclude);

/// <summary>Replaces a role's rules, recomputes its members and records the change with before and after.</summary>
public sealed class ChangeRoleRules(IDbContextFactory<PortalDb> dbFactory, IOptionsMonitor<RolesOptions> options, TimeProvider time)
{
    public const string AuditAction = "role.rules.changed";

    public static string AuditSubject(string roleKey) => "role " + roleKey;

    public async Task<int> ExecuteAsync(Actor actor, string roleKey, IReadOnlyList<RuleDraft> rules, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var role = await db.Roles.Include(r => r.Rules).SingleAsync(r => r.Key == roleKey, cancellationToken);
        var before = role.Rules.Select(Draft).ToList();
        db.RoleRules.RemoveRange(role.Rules);
        db.RoleRules.AddRange(rules.Select(r => new RoleRule
        {
            RoleId = role.Id,
            Kind = r.Kind,
            DepartmentId = r.Kind == RoleRuleKind.Department ? r.DepartmentId : null,
            IncludeSubdepartments = r.Kind == RoleRuleKind.Department && r.IncludeSubdepartments,
            Value = r.Kind is RoleRuleKind.Title or RoleRuleKind.DingTalkRole ? r.Value?.Trim() : null,
            PersonId = r.Kind == RoleRuleKind.Person ? r.PersonId : null,
            Exclude = r.Exclude,
        }));
        db.AuditEntries.Add(AuditEntry.Create(time.GetUtcNow().UtcDateTime, actor.PersonId, actor.Name, AuditAction, AuditSubject(roleKey), before, rules));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await RoleMembership.RecomputeAsync(db, options.CurrentValue.MapDingTalkAdmins, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await db.RoleMembers.CountAsync(m => m.RoleId == role.Id, cancellationToken);
    }

    public static RuleDraft Draft(RoleRule rule) =>
        new(rule.Kind, rule.DepartmentId, rule.IncludeSubdepartments, rule.Value, rule.PersonId, rule.Exclude);
}

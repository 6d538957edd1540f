using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Data;

namespace Portal.Web.Features.Content.Delivery;

/// <summary>One work-notification call: to everyone, to whole departments (with their sub-departments), or to listed people.</summary>
public sealed record FanOutCall(bool ToAllUsers, IReadOnlyList<long> DepartmentIds, IReadOnlyList<string> UserIds);

/// <summary>
/// The fewest DingTalk calls that reach exactly an audience, each person once: one call for everyone,
/// batches of 20 departments when the audience is whole department subtrees that do not share
/// people across batches, and batches of 100 userIds otherwise.
/// </summary>
public static class FanOutPlanner
{
    public const int MaxDepartmentsPerCall = 20;
    public const int MaxUsersPerCall = 100;

    public static async Task<IReadOnlyList<FanOutCall>> PlanAsync(PortalDb db, bool everyone, IReadOnlyCollection<AudienceRule> rules, CancellationToken cancellationToken)
    {
        if (everyone && rules.All(r => !r.Exclude))
        {
            return [new FanOutCall(true, [], [])];
        }

        if (!everyone && rules.Count > 0 && rules.All(r => !r.Exclude && r.Kind == AudienceRuleKind.Department && r.DepartmentId is not null))
        {
            var departments = await WholeSubtreesAsync(db, rules, cancellationToken);
            if (departments is not null)
            {
                return [.. departments.Chunk(MaxDepartmentsPerCall).Select(chunk => new FanOutCall(false, chunk, []))];
            }
        }

        var userIds = await AudienceMembers.Resolve(db, everyone, rules).OrderBy(p => p.UserId).Select(p => p.UserId).ToListAsync(cancellationToken);
        return [.. userIds.Chunk(MaxUsersPerCall).Select(chunk => new FanOutCall(false, [], chunk))];
    }

    /// <returns>The top-most targeted departments, or null when department calls would miss or repeat someone.</returns>
    private static async Task<List<long>?> WholeSubtreesAsync(PortalDb db, IReadOnlyCollection<AudienceRule> rules, CancellationToken cancellationToken)
    {
        var targeted = rules.Select(r => r.DepartmentId!.Value).Distinct().ToList();

        // A department targeted without its sub-departments can only be sent as a department if it has none.
        var withoutSubtree = rules.Where(r => !r.IncludeSubdepartments).Select(r => r.DepartmentId!.Value).ToList();
        if (await db.DepartmentClosures.AnyAsync(c => withoutSubtree.Contains(c.AncestorId) && c.Distance > 0, cancellationToken))
        {
            return null;
        }

        // Drop departments already inside another targeted one.
        var covered = await db.DepartmentClosures
            .Where(c => targeted.Contains(c.AncestorId) && targeted.Contains(c.DescendantId) && c.Distance > 0)
            .Select(c => c.DescendantId).Distinct().ToListAsync(cancellationToken);
        var tops = targeted.Except(covered).Order().ToList();
        if (tops.Count <= MaxDepartmentsPerCall)
        {
            return tops;
        }

        // Several calls: someone in two departments of different calls would get the message twice.
        var batchOf = tops.Select((id, index) => (id, batch: index / MaxDepartmentsPerCall)).ToDictionary(x => x.id, x => x.batch);
        var memberships = await (
            from closure in db.DepartmentClosures
            where tops.Contains(closure.AncestorId)
            join membership in db.PersonDepartments on closure.DescendantId equals membership.DepartmentId
            select new { membership.PersonId, closure.AncestorId }).Distinct().ToListAsync(cancellationToken);
        var repeated = memberships.GroupBy(m => m.PersonId).Any(g => g.Select(m => batchOf[m.AncestorId]).Distinct().Count() > 1);
        return repeated ? null : tops;
    }
}

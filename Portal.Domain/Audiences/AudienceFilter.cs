using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;

namespace Portal.Domain.Audiences;

/// <summary>
/// The one visibility rule, as SQL: used by every user-facing query and endpoint, and inlined into the
/// precompiled ones. The rules naming the person are found through their indexes once per query (the
/// person, their roles, departments and the ancestors of those: a few rows) and grouped per audience;
/// each item then costs one lookup in that small set and, when its audience names nobody it knows, a
/// look at whether the audience is for everyone. The person's departments and roles are read in the
/// same statement rather than passed in as lists, which would have EF Core write the SQL on every run.
/// </summary>
public static class AudienceFilter
{
    /// <summary>
    /// The rules naming the person, one index search per kind and joined rather than tested per rule:
    /// SQLite prepares a join in about half the time of the equivalent nested <c>IN</c> lists, and the
    /// home page prepares these statements on every request.
    /// </summary>
    private static readonly Expression<Func<PortalDb, Guid, IQueryable<NamingRule>>> RulesNaming = (db, personId) =>
        db.AudienceRules.Where(r => r.Kind == AudienceRuleKind.Person && r.PersonId == personId)
            .Select(r => new NamingRule { AudienceId = r.AudienceId, Exclude = r.Exclude })
        .Concat(db.AudienceRules.Where(r => r.Kind == AudienceRuleKind.Role && db.RoleMembers.Where(m => m.PersonId == personId).Select(m => m.RoleId)
                // Every active person is an employee; that role has no rows of its own.
                .Concat(db.Roles.Where(role => role.Key == Role.Employee).Select(role => role.Id)).Contains(r.RoleId!.Value))
            .Select(r => new NamingRule { AudienceId = r.AudienceId, Exclude = r.Exclude }))
        .Concat(
            from d in db.PersonDepartments
            where d.PersonId == personId
            from c in db.DepartmentClosures
            where c.DescendantId == d.DepartmentId
            from r in db.AudienceRules
            where r.Kind == AudienceRuleKind.Department && r.DepartmentId == c.AncestorId && r.IncludeSubdepartments
            select new NamingRule { AudienceId = r.AudienceId, Exclude = r.Exclude })
        .Concat(
            from d in db.PersonDepartments
            where d.PersonId == personId
            from r in db.AudienceRules
            where r.Kind == AudienceRuleKind.Department && r.DepartmentId == d.DepartmentId && !r.IncludeSubdepartments
            select new NamingRule { AudienceId = r.AudienceId, Exclude = r.Exclude });

    /// <summary>Each audience with a rule naming the person, and whether one of those rules excludes them.</summary>
    private static readonly Expression<Func<PortalDb, Guid, IQueryable<NamedAudience>>> Named = Inline.Expand((PortalDb db, Guid personId) =>
        RulesNaming.Invoke(db, personId)
            .GroupBy(r => r.AudienceId)
            .Select(g => new NamedAudience { AudienceId = g.Key, Excluded = g.Max(r => r.Exclude ? 1 : 0) }));

    /// <summary>
    /// The rule itself: an item is visible when a rule of its audience names the person and none of
    /// those excludes them, or when its audience is for everyone and no exclusion names the person.
    /// </summary>
    private static Expression<Func<PortalDb, Guid, IQueryable<T>, IQueryable<T>>> Rule<T>(Expression<Func<T, Guid>> audienceOf)
        where T : class => Inline.Expand((PortalDb db, Guid personId, IQueryable<T> items) => items
            .LeftJoin(Named.Invoke(db, personId), item => audienceOf.Invoke(item), n => n.AudienceId, (item, n) => new Candidate<T> { Item = item, Excluded = (int?)n!.Excluded })
            .Where(c => c.Excluded == 0 || (c.Excluded == null && db.Audiences.Any(a => a.Id == audienceOf.Invoke(c.Item) && a.Everyone)))
            .Select(c => c.Item));

    private static readonly PerModel<Func<PortalDb, Guid, IAsyncEnumerable<NamedAudience>>> NamedQuery = new(() => EF.CompileAsyncQuery(Inline.Expand(
        (PortalDb db, Guid personId) => Named.Invoke(db, personId))));

    private static readonly Expression<Func<PortalDb, Guid, IQueryable<Audience>, IQueryable<Audience>>> AudiencesIncluding = Rule<Audience>(a => a.Id);

    /// <summary>Audiences that include the viewer.</summary>
    public static IQueryable<Audience> Including(this IQueryable<Audience> audiences, PortalDb db, Viewer viewer) =>
        Apply(AudiencesIncluding, db, viewer, audiences);

    /// <summary>Only the items whose audience includes the viewer.</summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> items, PortalDb db, Viewer viewer)
        where T : class, IAudienceTargeted =>
        Apply(Targeted<T>.Visible, db, viewer, items);

    /// <summary>The audiences naming the viewer, for deciding in memory over items kept in memory.</summary>
    public static async Task<AudiencesNaming> NamingAsync(PortalDb db, Viewer viewer, CancellationToken cancellationToken)
    {
        var named = new Dictionary<Guid, bool>();
        await foreach (var audience in NamedQuery.For(db)(db, viewer.PersonId).WithCancellation(cancellationToken))
        {
            named[audience.AudienceId] = audience.Excluded != 0;
        }

        return new AudiencesNaming(named);
    }

    private static IQueryable<T> Apply<T>(Expression<Func<PortalDb, Guid, IQueryable<T>, IQueryable<T>>> rule, PortalDb db, Viewer viewer, IQueryable<T> items)
    {
        var personId = viewer.PersonId;
        Expression<Func<PortalDb>> context = () => db;
        Expression<Func<Guid>> person = () => personId;
        return items.Provider.CreateQuery<T>(Inline.Apply(rule, context.Body, person.Body, items.Expression));
    }

    /// <summary>The rule for items with an audience, for queries that inline it (precompiled ones).</summary>
    public static class Targeted<T>
        where T : class, IAudienceTargeted
    {
        public static readonly Expression<Func<PortalDb, Guid, IQueryable<T>, IQueryable<T>>> Visible = Rule<T>(item => item.AudienceId);
    }

    private sealed class NamingRule
    {
        public Guid AudienceId { get; init; }

        public bool Exclude { get; init; }
    }

    private sealed class NamedAudience
    {
        public Guid AudienceId { get; init; }

        public int Excluded { get; init; }
    }

    private sealed class Candidate<T>
    {
        public required T Item { get; init; }

        /// <summary>Null when no rule of the audience names the person.</summary>
        public int? Excluded { get; init; }
    }
}

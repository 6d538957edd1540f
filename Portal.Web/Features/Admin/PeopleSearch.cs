using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;

namespace Portal.Web.Features.Admin;

/// <summary>A person as a picker shows them: name, departments and title, enough to tell namesakes apart.</summary>
public sealed record PersonChoice(Guid Id, string Name, string? Title, IReadOnlyList<string> Departments, bool Active);

/// <summary>Finding people by name for the admin pages; nobody is ever chosen by typing an id.</summary>
public static class PeopleSearch
{
    public const int MaxMatches = 8;

    /// <summary>Active people whose name contains the term, closest names first.</summary>
    public static async Task<List<PersonChoice>> ByNameAsync(PortalDb db, string term, CancellationToken cancellationToken)
    {
        term = term.Trim();
        if (term.Length == 0)
        {
            return [];
        }

        var ids = await db.People.AsNoTracking().Where(p => p.Active && p.Name.Contains(term))
            .OrderBy(p => p.Name.Length).ThenBy(p => p.Name).ThenBy(p => p.UserId)
            .Select(p => p.Id).Take(MaxMatches).ToListAsync(cancellationToken);
        var found = await ByIdAsync(db, ids, cancellationToken);
        return [.. ids.Select(id => found[id])];
    }

    public static async Task<Dictionary<Guid, PersonChoice>> ByIdAsync(PortalDb db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.Title, p.Active }).ToListAsync(cancellationToken);
        var departments = await (from membership in db.PersonDepartments.AsNoTracking()
                                 where ids.Contains(membership.PersonId)
                                 join department in db.Departments on membership.DepartmentId equals department.Id
                                 orderby membership.DepartmentId
                                 select new { membership.PersonId, department.Name }).ToListAsync(cancellationToken);
        return people.ToDictionary(
            p => p.Id,
            p => new PersonChoice(p.Id, p.Name, p.Title, [.. departments.Where(d => d.PersonId == p.Id).Select(d => d.Name)], p.Active));
    }
}

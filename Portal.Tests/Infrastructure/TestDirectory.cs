using Portal.Domain.Data;
using Portal.Domain.People;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Departments and people added straight to a context, as the organisation import leaves them: each
/// department with its closure rows, each person in their departments. The caller saves.
/// </summary>
public static class TestDirectory
{
    /// <summary>Departments as (id, name, parent), parents first; the closure links each to itself and every ancestor listed.</summary>
    public static void AddDepartments(PortalDb db, params (long Id, string Name, long? Parent)[] departments)
    {
        var parents = departments.ToDictionary(d => d.Id, d => d.Parent);
        foreach (var (id, name, parent) in departments)
        {
            db.Departments.Add(new Department(id, name, parent));
            long? ancestor = id;
            for (var distance = 0; ancestor is { } current; distance++)
            {
                db.DepartmentClosures.Add(new DepartmentClosure { AncestorId = current, DescendantId = id, Distance = distance });
                ancestor = parents.GetValueOrDefault(current);
            }
        }
    }

    /// <summary>A person (named <paramref name="name"/>, or their userId in capitals), in a department when one is given.</summary>
    public static Person AddPerson(PortalDb db, string userId, DateTime updatedAt, long? department = null, string? name = null, bool active = true)
    {
        var person = new Person(userId, name ?? userId.ToUpperInvariant()) { UpdatedAt = updatedAt, Active = active };
        if (department is { } departmentId)
        {
            person.Departments.Add(new PersonDepartment { PersonId = person.Id, DepartmentId = departmentId });
        }

        db.People.Add(person);
        return person;
    }
}

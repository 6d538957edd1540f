using Microsoft.EntityFrameworkCore;
using Portal.Domain.People;

namespace Portal.Bench;

/// <summary>A large organisation: a tree of departments five levels deep and people spread over it.</summary>
internal static class SyntheticOrg
{
    public static async Task<long[]> SeedAsync(DbContext db, int people, int departments)
    {
        var now = DateTime.UtcNow;
        var random = new Random(42);
        var parents = new Dictionary<long, long?> { [Department.RootId] = null };
        var depth = new Dictionary<long, int> { [Department.RootId] = 0 };
        var ids = new List<long> { Department.RootId };
        for (long id = 2; id <= departments; id++)
        {
            // Pick a parent among earlier departments that is less than four levels deep.
            long parent;
            do
            {
                parent = ids[random.Next(ids.Count)];
            }
            while (depth[parent] >= 4);
            parents[id] = parent;
            depth[id] = depth[parent] + 1;
            ids.Add(id);
        }

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Set<Department>().AddRange(ids.Select(id => new Department(id, $"部门{id}", parents[id])));
        foreach (var id in ids)
        {
            var distance = 0;
            for (long? ancestor = id; ancestor is not null; ancestor = parents[ancestor.Value], distance++)
            {
                db.Set<DepartmentClosure>().Add(new DepartmentClosure { AncestorId = ancestor.Value, DescendantId = id, Distance = distance });
            }
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        for (var offset = 0; offset < people; offset += 5_000)
        {
            for (var i = offset; i < Math.Min(people, offset + 5_000); i++)
            {
                var person = new Person($"user{i:D6}", $"员工{i}") { Mobile = $"139{i:D8}", Active = i % 50 != 0, UpdatedAt = now };
                person.Departments.Add(new PersonDepartment { DepartmentId = ids[random.Next(ids.Count)] });
                if (i % 10 == 0)
                {
                    var second = ids[random.Next(ids.Count)];
                    if (second != person.Departments[0].DepartmentId)
                    {
                        person.Departments.Add(new PersonDepartment { DepartmentId = second });
                    }
                }

                db.Set<Person>().Add(person);
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        return [.. ids.Where(id => depth[id] == 1)];
    }
}

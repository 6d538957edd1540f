using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Data;
using Portal.Domain.People;
using Portal.Tests.Infrastructure;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Audiences;

/// <summary>
/// Tree: 1 company → 2 sales → 3 sales-east; 1 → 4 engineering. Ada is in 3 (and leads it), Bo in 4,
/// Cy in 2 and 4, Di in 3 and is an editor.
/// </summary>
public sealed class AudienceFilterTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Each_audience_shape_reaches_exactly_its_people(DatabaseProvider provider)
    {
        await using var org = await Org.CreateAsync(provider);
        var db = org.Db;

        var audiences = new Dictionary<string, Audience>
        {
            ["everyone"] = Audience.ForEveryone(),
            ["sales subtree"] = With(AudienceRule.ForDepartment(2, includeSubdepartments: true)),
            ["sales only"] = With(AudienceRule.ForDepartment(2, includeSubdepartments: false)),
            ["editors"] = With(AudienceRule.ForRole(org.Editor.Id)),
            ["bo"] = With(AudienceRule.ForPerson(org.People["bo"].Id)),
            ["everyone but engineering"] = With(AudienceRule.ForDepartment(4, true, exclude: true), everyone: true),
            ["sales subtree but di"] = With(AudienceRule.ForDepartment(2, true), AudienceRule.ForPerson(org.People["di"].Id, exclude: true)),
        };
        db.Audiences.AddRange(audiences.Values);
        await db.SaveChangesAsync();

        var expected = new Dictionary<string, string[]>
        {
            ["ada"] = ["everyone", "sales subtree", "everyone but engineering", "sales subtree but di"],
            ["bo"] = ["everyone", "bo"],
            ["cy"] = ["everyone", "sales subtree", "sales only", "sales subtree but di"],
            ["di"] = ["everyone", "sales subtree", "editors", "everyone but engineering"],
        };
        foreach (var (name, visible) in expected)
        {
            var viewer = await ViewerQuery.ForPersonAsync(db, org.People[name].Id, CancellationToken.None);
            Assert.NotNull(viewer);
            var ids = await db.Audiences.AsNoTracking().Including(db, viewer).Select(a => a.Id).ToListAsync();
            var names = audiences.Where(a => ids.Contains(a.Value.Id)).Select(a => a.Key).Order(StringComparer.Ordinal);
            Assert.Equal(visible.Order(StringComparer.Ordinal), names);
        }
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Resolution_agrees_with_visibility_and_counts_reach(DatabaseProvider provider)
    {
        await using var org = await Org.CreateAsync(provider);
        var db = org.Db;

        async Task<string[]> Members(bool everyone, params AudienceRule[] rules) =>
            [.. (await AudienceMembers.Resolve(db, everyone, rules).Select(p => p.UserId).ToListAsync()).Order(StringComparer.Ordinal)];

        Assert.Equal(["ada", "bo", "cy", "di"], await Members(true));
        Assert.Equal(["ada", "cy", "di"], await Members(false, AudienceRule.ForDepartment(2, true)));
        Assert.Equal(["cy"], await Members(false, AudienceRule.ForDepartment(2, false)));
        Assert.Equal(["di"], await Members(false, AudienceRule.ForRole(org.Editor.Id)));
        Assert.Equal(["ada", "bo", "cy"], await Members(false, AudienceRule.ForDepartment(2, true), AudienceRule.ForDepartment(4, true), AudienceRule.ForRole(org.Editor.Id, exclude: true)));
        Assert.Equal(["bo", "cy"], await Members(true, AudienceRule.ForDepartment(3, true, exclude: true)));
        Assert.Empty(await Members(false));
        Assert.Empty(await Members(false, AudienceRule.ForPerson(org.People["bo"].Id, exclude: true)));

        var reach = await AudienceMembers.ReachAsync(db, false, [AudienceRule.ForDepartment(2, true)], CancellationToken.None);
        Assert.Equal(new AudienceReach(3, 3), reach);

        org.People["cy"].Active = false;
        await db.SaveChangesAsync();
        Assert.Equal(["ada", "di"], await Members(false, AudienceRule.ForDepartment(2, true)));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task An_audience_of_a_thousand_named_people_resolves_in_one_query(DatabaseProvider provider)
    {
        await using var org = await Org.CreateAsync(provider);
        var db = org.Db;
        var rules = Enumerable.Range(0, 997).Select(_ => AudienceRule.ForPerson(Guid.NewGuid()))
            .Append(AudienceRule.ForPerson(org.People["bo"].Id))
            .Append(AudienceRule.ForPerson(org.People["cy"].Id))
            .Append(AudienceRule.ForDepartment(4, false, exclude: true))
            .Append(AudienceRule.ForDepartment(3, true))
            .ToList();

        var members = await AudienceMembers.Resolve(db, false, rules).Select(p => p.UserId).OrderBy(u => u).ToListAsync();

        Assert.Equal(["ada", "di"], members);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task An_inactive_person_has_no_viewer(DatabaseProvider provider)
    {
        await using var org = await Org.CreateAsync(provider);
        var db = org.Db;
        org.People["bo"].Active = false;
        await db.SaveChangesAsync();

        Assert.Null(await ViewerQuery.ForPersonAsync(db, org.People["bo"].Id, CancellationToken.None));
        Assert.Null(await ViewerQuery.ForPersonAsync(db, Guid.NewGuid(), CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task A_move_to_another_department_changes_what_the_same_viewer_sees_at_once(DatabaseProvider provider)
    {
        await using var org = await Org.CreateAsync(provider);
        var db = org.Db;
        var sales = With(AudienceRule.ForDepartment(2, includeSubdepartments: true));
        var engineering = With(AudienceRule.ForDepartment(4, includeSubdepartments: false));
        db.Audiences.AddRange(sales, engineering);
        await db.SaveChangesAsync();
        var viewer = (await ViewerQuery.ForPersonAsync(db, org.People["bo"].Id, CancellationToken.None))!;
        Task<List<Guid>> Seen() => db.Audiences.Including(db, viewer).Where(a => a.Id == sales.Id || a.Id == engineering.Id).Select(a => a.Id).ToListAsync();
        Assert.Equal([engineering.Id], await Seen());

        var bo = await db.People.Include(p => p.Departments).SingleAsync(p => p.Id == org.People["bo"].Id);
        bo.Departments.Clear();
        bo.Departments.Add(new PersonDepartment { DepartmentId = 3 });
        await db.SaveChangesAsync();

        Assert.Equal([sales.Id], await Seen());
    }

    private static Audience With(AudienceRule rule, bool everyone = false) => With([rule], everyone);

    private static Audience With(AudienceRule first, AudienceRule second) => With([first, second], everyone: false);

    private static Audience With(AudienceRule[] rules, bool everyone)
    {
        var audience = new Audience { Everyone = everyone };
        audience.Rules.AddRange(rules);
        return audience;
    }

    /// <summary>A migrated database holding the tree above.</summary>
    private sealed class Org(TestDatabase database, PortalDb db, Dictionary<string, Person> people, Role editor) : IAsyncDisposable
    {
        public PortalDb Db => db;

        public Dictionary<string, Person> People => people;

        public Role Editor => editor;

        public static async Task<Org> CreateAsync(DatabaseProvider provider)
        {
            var database = await TestDatabase.CreateMigratedAsync(provider);
            var db = database.OpenDb();
            var (people, editor) = await SeedAsync(db);
            return new Org(database, db, people, editor);
        }

        public async ValueTask DisposeAsync()
        {
            await db.DisposeAsync();
            await database.DisposeAsync();
        }
    }

    private static async Task<(Dictionary<string, Person> People, Role Editor)> SeedAsync(PortalDb db)
    {
        var now = DateTime.UtcNow;
        TestDirectory.AddDepartments(db, (1, "公司", null), (2, "销售部", 1), (3, "华东销售", 2), (4, "研发部", 1));
        var people = new Dictionary<string, Person>
        {
            ["ada"] = new("ada", "阿达") { UpdatedAt = now },
            ["bo"] = new("bo", "博") { UpdatedAt = now },
            ["cy"] = new("cy", "晨阳") { UpdatedAt = now },
            ["di"] = new("di", "迪") { UpdatedAt = now },
        };
        people["ada"].Departments.Add(new PersonDepartment { DepartmentId = 3, IsLeader = true });
        people["bo"].Departments.Add(new PersonDepartment { DepartmentId = 4 });
        people["cy"].Departments.Add(new PersonDepartment { DepartmentId = 2 });
        people["cy"].Departments.Add(new PersonDepartment { DepartmentId = 4 });
        people["di"].Departments.Add(new PersonDepartment { DepartmentId = 3 });
        db.People.AddRange(people.Values);
        var editor = new Role(Role.Editor, "编辑", isBuiltIn: true);
        db.Roles.Add(editor);
        await db.SaveChangesAsync();
        db.RoleMembers.Add(new RoleMember { RoleId = editor.Id, PersonId = people["di"].Id });
        await db.SaveChangesAsync();
        return (people, editor);
    }
}

using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Data;
using Portal.Domain.People;

namespace Portal.Tests.Components;

/// <summary>
/// A small organisation written straight into a component test's database: a company with a research
/// centre (and a team below it) and a sales department, people in them, and built-in roles given as an
/// admin gives them.
/// </summary>
public sealed class ComponentOrganisation
{
    public const long Company = Department.RootId;
    public const long Research = 2;
    public const long Sales = 3;
    public const long PlatformTeam = 4;

    public Guid Editor { get; private set; }

    public Guid Approver { get; private set; }

    public Guid Admin { get; private set; }

    /// <summary>In the research centre itself.</summary>
    public Guid Researcher { get; private set; }

    /// <summary>In the platform team, below the research centre.</summary>
    public Guid PlatformEngineer { get; private set; }

    /// <summary>In sales, outside the research centre.</summary>
    public Guid SalesPerson { get; private set; }

    public static string NameOf(string userId) => userId switch
    {
        "editor" => "王编辑",
        "approver" => "李审核",
        "admin" => "赵管理",
        "researcher" => "陈研发",
        "platform" => "周平台",
        _ => "孙销售",
    };

    public static async Task<ComponentOrganisation> SeedAsync(PortalDb db)
    {
        db.Departments.AddRange(
            new Department(Company, "公司", null),
            new Department(Research, "研发中心", Company),
            new Department(Sales, "销售部", Company),
            new Department(PlatformTeam, "平台组", Research));
        (long Ancestor, long Descendant, int Distance)[] closure =
            [(1, 1, 0), (2, 2, 0), (3, 3, 0), (4, 4, 0), (1, 2, 1), (1, 3, 1), (1, 4, 2), (2, 4, 1)];
        db.DepartmentClosures.AddRange(closure.Select(c => new DepartmentClosure { AncestorId = c.Ancestor, DescendantId = c.Descendant, Distance = c.Distance }));

        var organisation = new ComponentOrganisation
        {
            Editor = Add(db, "editor", Sales),
            Approver = Add(db, "approver", Sales),
            Admin = Add(db, "admin", Sales),
            Researcher = Add(db, "researcher", Research),
            PlatformEngineer = Add(db, "platform", PlatformTeam),
            SalesPerson = Add(db, "sales", Sales),
        };
        await db.SaveChangesAsync();

        await GrantAsync(db, Role.Editor, organisation.Editor);
        await GrantAsync(db, Role.Approver, organisation.Approver);
        await GrantAsync(db, Role.Admin, organisation.Admin);
        return organisation;
    }

    private static Guid Add(PortalDb db, string userId, long department)
    {
        var person = new Person(userId, NameOf(userId));
        person.Departments.Add(new PersonDepartment { PersonId = person.Id, DepartmentId = department });
        db.People.Add(person);
        return person.Id;
    }

    private static async Task GrantAsync(PortalDb db, string roleKey, Guid person)
    {
        var role = await db.Roles.SingleAsync(r => r.Key == roleKey);
        db.RoleRules.Add(new RoleRule { RoleId = role.Id, Kind = RoleRuleKind.Person, PersonId = person });
        await db.SaveChangesAsync();
        await RoleMembership.RecomputeAsync(db, mapDingTalkAdmins: false, person, CancellationToken.None);
    }
}

using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Data;
using Portal.Domain.People;
using Portal.Tests.Infrastructure;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Audiences;

public sealed class RoleMembershipTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Rules_decide_membership_and_exclusions_win(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = database.OpenDb();
        await RoleMembership.EnsureBuiltInRolesAsync(db, CancellationToken.None);
        await RoleMembership.EnsureBuiltInRolesAsync(db, CancellationToken.None);
        Assert.Equal(4, await db.Roles.CountAsync());

        TestDirectory.AddDepartments(db, (1, "公司", null), (2, "财务部", 1), (3, "财务一组", 2));
        var ann = Person("ann", 3, title: "会计");
        var ben = Person("ben", 2, title: "出纳");
        var cat = Person("cat", 1, title: "经理");
        cat.SetDingTalkRoles(["财务审批"]);
        var dan = Person("dan", 1, title: "会计", adminLevel: 1);
        var eve = Person("eve", 3, title: "会计");
        eve.Active = false;
        db.People.AddRange(ann, ben, cat, dan, eve);
        var finance = new Role("finance", "财务", isBuiltIn: false);
        finance.Rules.AddRange(
        [
            new RoleRule { Kind = RoleRuleKind.Department, DepartmentId = 2, IncludeSubdepartments = true },
            new RoleRule { Kind = RoleRuleKind.DingTalkRole, Value = "财务审批" },
            new RoleRule { Kind = RoleRuleKind.Title, Value = "会计" },
            new RoleRule { Kind = RoleRuleKind.Person, PersonId = ben.Id, Exclude = true },
        ]);
        db.Roles.Add(finance);
        await db.SaveChangesAsync();

        await RoleMembership.RecomputeAsync(db, mapDingTalkAdmins: true, personId: null, CancellationToken.None);

        Assert.Equal(["ann", "cat", "dan"], await MembersAsync(db, "finance"));
        Assert.Equal(["dan"], await MembersAsync(db, Role.Admin));
        Assert.Empty(await MembersAsync(db, Role.Editor));

        db.RoleRules.Add(new RoleRule { RoleId = finance.Id, Kind = RoleRuleKind.Title, Value = "经理", Exclude = true });
        await db.SaveChangesAsync();
        Assert.Equal(1, await RoleMembership.RecomputeAsync(db, mapDingTalkAdmins: false, personId: cat.Id, CancellationToken.None));
        Assert.Equal(["ann", "dan"], await MembersAsync(db, "finance"));
        Assert.Equal(["dan"], await MembersAsync(db, Role.Admin));

        await RoleMembership.RecomputeAsync(db, mapDingTalkAdmins: false, personId: null, CancellationToken.None);
        Assert.Empty(await MembersAsync(db, Role.Admin));

        var viewer = await ViewerQuery.ForPersonAsync(db, ann.Id, CancellationToken.None);
        var employee = await db.Roles.SingleAsync(r => r.Key == Role.Employee);
        var employees = new Audience();
        employees.Rules.Add(AudienceRule.ForRole(employee.Id));
        db.Audiences.Add(employees);
        await db.SaveChangesAsync();
        Assert.True(await db.Audiences.Where(a => a.Id == employees.Id).Including(db, viewer!).AnyAsync());
        Assert.Equal(4, await AudienceMembers.Resolve(db, false, [AudienceRule.ForRole(employee.Id)]).CountAsync());
    }

    private static Person Person(string userId, long departmentId, string title, int adminLevel = 0)
    {
        var person = new Person(userId, userId) { Title = title, AdminLevel = adminLevel, UpdatedAt = DateTime.UtcNow };
        person.Departments.Add(new PersonDepartment { DepartmentId = departmentId });
        return person;
    }

    private static async Task<string[]> MembersAsync(PortalDb db, string roleKey) =>
        [.. (await db.RoleMembers.Where(m => db.Roles.Any(r => r.Id == m.RoleId && r.Key == roleKey))
            .Join(db.People, m => m.PersonId, p => p.Id, (_, p) => p.UserId).ToListAsync()).Order(StringComparer.Ordinal)];
}

using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Data;
using Portal.Domain.People;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Content.Delivery;

namespace Portal.Tests.Content;

/// <summary>
/// Org: 1 company → 2..31 divisions (30) → each division d has one team 100+d. Person "p{d}" sits in
/// team 100+d; "both" sits in teams 102 and 125.
/// </summary>
public sealed class FanOutPlannerTests : IAsyncLifetime
{
    private TestDatabase database = default!;
    private PortalDb db = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateMigratedAsync();
        db = database.OpenDb();
        var divisions = Enumerable.Range(2, 30).Select(d => ((long)d, $"事业部{d}", (long?)1));
        var teams = Enumerable.Range(2, 30).Select(d => (100L + d, $"小组{100 + d}", (long?)d));
        TestDirectory.AddDepartments(db, [(1, "公司", null), .. divisions, .. teams]);
        for (long division = 2; division <= 31; division++)
        {
            TestDirectory.AddPerson(db, $"p{division}", DateTime.UtcNow, 100 + division, name: $"员工{division}");
        }

        var both = new Person("both", "双部门") { UpdatedAt = DateTime.UtcNow };
        both.Departments.AddRange([new PersonDepartment { DepartmentId = 102 }, new PersonDepartment { DepartmentId = 125 }]);
        db.People.Add(both);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Everyone_is_one_call_to_all()
    {
        var plan = await FanOutPlanner.PlanAsync(db, true, [], CancellationToken.None);

        Assert.True(Assert.Single(plan).ToAllUsers);
    }

    [Fact]
    public async Task Whole_subtrees_are_one_call_with_nested_departments_folded_in()
    {
        var plan = await FanOutPlanner.PlanAsync(db, false, [Subtree(2), Subtree(102), Subtree(3)], CancellationToken.None);

        Assert.Equal([2L, 3L], Assert.Single(plan).DepartmentIds);
    }

    [Fact]
    public async Task More_than_twenty_disjoint_subtrees_take_one_call_per_twenty()
    {
        var rules = Enumerable.Range(3, 21).Select(d => Subtree(d)).ToArray();

        var plan = await FanOutPlanner.PlanAsync(db, false, rules, CancellationToken.None);

        Assert.Equal(2, plan.Count);
        Assert.Equal(21, plan.Sum(c => c.DepartmentIds.Count));
    }

    [Fact]
    public async Task Someone_in_departments_of_two_calls_makes_it_a_list_of_people_so_they_get_it_once()
    {
        var rules = Enumerable.Range(2, 24).Select(d => Subtree(d)).ToArray();

        var plan = await FanOutPlanner.PlanAsync(db, false, rules, CancellationToken.None);

        var userIds = plan.SelectMany(c => c.UserIds).ToList();
        Assert.All(plan, c => Assert.Empty(c.DepartmentIds));
        Assert.Equal(userIds.Distinct().Count(), userIds.Count);
        Assert.Contains("both", userIds);
        Assert.Equal(25, userIds.Count);
    }

    [Fact]
    public async Task A_department_without_its_sub_departments_is_sent_to_its_own_people()
    {
        var direct = new Person("direct2", "直属") { UpdatedAt = DateTime.UtcNow };
        direct.Departments.Add(new PersonDepartment { DepartmentId = 2 });
        db.People.Add(direct);
        await db.SaveChangesAsync();

        var plan = await FanOutPlanner.PlanAsync(db, false, [AudienceRule.ForDepartment(2, includeSubdepartments: false)], CancellationToken.None);

        var call = Assert.Single(plan);
        Assert.Empty(call.DepartmentIds);
        Assert.Equal(["direct2"], call.UserIds);
    }

    [Fact]
    public async Task A_leaf_department_without_sub_departments_is_still_one_department_call()
    {
        var plan = await FanOutPlanner.PlanAsync(db, false, [AudienceRule.ForDepartment(105, includeSubdepartments: false)], CancellationToken.None);

        Assert.Equal([105L], Assert.Single(plan).DepartmentIds);
    }

    [Fact]
    public async Task Exclusions_turn_everyone_into_batches_of_a_hundred_people()
    {
        var excluded = await db.People.Where(p => p.UserId == "p2").Select(p => p.Id).SingleAsync();

        var plan = await FanOutPlanner.PlanAsync(db, true, [AudienceRule.ForPerson(excluded, exclude: true)], CancellationToken.None);

        var userIds = Assert.Single(plan).UserIds;
        Assert.Equal(30, userIds.Count);
        Assert.DoesNotContain("p2", userIds);
    }

    private static AudienceRule Subtree(long departmentId) => AudienceRule.ForDepartment(departmentId, includeSubdepartments: true);
}

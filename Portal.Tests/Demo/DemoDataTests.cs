using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Data;
using Portal.Domain.People;
using Portal.Domain.Todos;
using Portal.Tests.Content.Delivery;
using Portal.Web.Features.Admin;
using Portal.Web.Features.Demo;
using Portal.Web.Features.Todos;

namespace Portal.Tests.Demo;

/// <summary>The demo roles and the demo OA system's to-dos, added to the imported demo organisation.</summary>
public sealed class DemoDataTests
{
    [Fact]
    public async Task Demo_roles_are_given_once_and_never_over_an_admins_change()
    {
        await using var host = await DeliveryPortal.StartAsync();

        Assert.Equal(2, await host.RunAsync<DemoRoles, int>(roles => roles.SeedAsync(CancellationToken.None)));
        Assert.Equal(0, await host.RunAsync<DemoRoles, int>(roles => roles.SeedAsync(CancellationToken.None)));
        await using (var db = host.Db())
        {
            var approvers = await MembersAsync(db, Role.Approver);
            Assert.NotEmpty(approvers);
            Assert.All(approvers, a => Assert.Equal("中心总监", a.Title));
            Assert.NotEmpty(await MembersAsync(db, Role.Editor));
            Assert.NotEmpty(await MembersAsync(db, Role.Admin));
            Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == ChangeRoleRules.AuditAction && e.ActorName == DemoRoles.ActorName));
        }

        await host.RunAsync<ChangeRoleRules, int>(change => change.ExecuteAsync(new Actor(null, "admin"), Role.Editor, [], CancellationToken.None));
        Assert.Equal(0, await host.RunAsync<DemoRoles, int>(roles => roles.SeedAsync(CancellationToken.None)));

        await using var check = host.Db();
        Assert.Empty(await MembersAsync(check, Role.Editor));
    }

    [Fact]
    public async Task Demo_OA_sends_each_approval_request_once_to_a_unit_head_through_the_to_do_API()
    {
        await using var host = await DeliveryPortal.StartAsync();

        var sent = await host.RunAsync<DemoTodos, int>(todos => todos.SeedAsync(CancellationToken.None));

        Assert.Equal(DemoTodoRequests.All.Length, sent);
        Guid decided;
        await using (var db = host.Db())
        {
            var todos = await db.Todos.AsNoTracking().Include(t => t.Assignees).ToListAsync();
            Assert.Equal(DemoTodoRequests.All.Select(r => r.ExternalId).Order(), todos.Select(t => t.ExternalId).Order());
            var heads = await db.PersonDepartments.Where(m => m.IsLeader).Select(m => m.PersonId).ToListAsync();
            Assert.All(todos, t => Assert.Contains(Assert.Single(t.Assignees).PersonId, heads));
            Assert.All(todos, t => Assert.Equal(["同意", "拒绝"], TodoCard.Actions(t.Actions).Select(a => a.Label)));
            Assert.Equal(todos.Count, await db.OutboxMessages.CountAsync(m => m.Kind == TodoOutbox.AssignedKind));
            var first = todos[0];
            decided = first.Id;
            var outcome = await host.RunAsync<DecideTodo, DecideResult>(decide => decide.RunAsync(first.Assignees[0].PersonId, first.Id, "approve", null, CancellationToken.None));
            Assert.Equal(DecideOutcome.Decided, outcome.Outcome);
        }

        Assert.Equal(0, await host.RunAsync<DemoTodos, int>(todos => todos.SeedAsync(CancellationToken.None)));

        await using var check = host.Db();
        Assert.Equal(DemoTodoRequests.All.Length, await check.Todos.CountAsync());
        Assert.Equal(TodoStatus.Done, await check.Todos.Where(t => t.Id == decided).Select(t => t.Status).SingleAsync());
    }

    private static async Task<List<Person>> MembersAsync(PortalDb db, string roleKey) =>
        await db.People.Where(p => db.RoleMembers.Any(m => m.PersonId == p.Id && db.Roles.Any(r => r.Id == m.RoleId && r.Key == roleKey))).ToListAsync();
}

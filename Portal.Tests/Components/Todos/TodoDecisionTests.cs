using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Todos;
using Portal.Tests.Todos;
using Portal.Web.Features.Todos;

namespace Portal.Tests.Components.Todos;

/// <summary>Deciding a to-do on its page: what the form asks for, and a second device that was too late.</summary>
public sealed class TodoDecisionTests : OrganisationComponentTest
{
    private Guid todo;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await DbAsync();
        var now = Time.GetUtcNow().UtcDateTime;
        todo = await TodoSeed.TodoAsync(db, await TodoSeed.ClientAsync(db, now), [People.Approver], now);
    }

    [Fact]
    public async Task A_rejection_asks_for_a_comment_refuses_one_too_long_and_is_decided_with_a_fitting_one()
    {
        SignIn(People.Approver, ComponentOrganisation.NameOf("approver"));
        var page = Render<TodoPage>(p => p.Add(t => t.Id, todo));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=action-reject]")));

        await page.Find("[data-testid=action-reject]").ClickAsync(new MouseEventArgs());
        Assert.Equal("将执行：拒绝", page.Find("[data-testid=will-decide]").TextContent);
        Assert.Equal("意见", page.Find(".todo-comment span").TextContent);
        Assert.True(page.Find("[data-testid=comment]").HasAttribute("required"));
        await page.Find("[data-testid=confirm]").ClickAsync(new MouseEventArgs());
        Assert.Equal("请填写意见", page.Find("[data-testid=decide-message]").TextContent);

        await page.Find("[data-testid=comment]").ChangeAsync(new ChangeEventArgs { Value = new string('长', Todo.MaxCommentLength + 1) });
        await page.Find("[data-testid=confirm]").ClickAsync(new MouseEventArgs());
        Assert.Equal($"意见不能超过 {Todo.MaxCommentLength} 字", page.Find("[data-testid=decide-message]").TextContent);

        await page.Find("[data-testid=comment]").ChangeAsync(new ChangeEventArgs { Value = "金额与发票不符" });
        await page.Find("[data-testid=confirm]").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.Contains("拒绝", page.Find("[data-testid=todo-decided]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=decide-message]"));
        Assert.Empty(page.FindAll("[data-testid=confirm]"));
        await using var db = await DbAsync();
        var decided = await db.Todos.AsNoTracking().SingleAsync(t => t.Id == todo);
        Assert.Equal((TodoStatus.Done, "reject", "金额与发票不符"), (decided.Status, decided.Decision, decided.DecisionComment));
    }

    [Fact]
    public async Task An_approval_needs_no_comment_and_can_be_taken_back_before_confirming()
    {
        SignIn(People.Approver, ComponentOrganisation.NameOf("approver"));
        var page = Render<TodoPage>(p => p.Add(t => t.Id, todo));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=action-approve]")));

        await page.Find("[data-testid=action-approve]").ClickAsync(new MouseEventArgs());
        Assert.Equal("意见（选填）", page.Find(".todo-comment span").TextContent);
        await page.Find("[data-testid=cancel]").ClickAsync(new MouseEventArgs());
        Assert.Empty(page.FindAll("[data-testid=will-decide]"));
        Assert.Equal(2, page.FindAll(".todo-actions button").Count);

        await page.Find("[data-testid=action-approve]").ClickAsync(new MouseEventArgs());
        await page.Find("[data-testid=confirm]").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.Contains("同意", page.Find("[data-testid=todo-decided]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_a_second_device_the_same_action_is_refused_with_who_decided_and_when()
    {
        var second = NewDevice();
        SignIn(People.Approver, ComponentOrganisation.NameOf("approver"));
        second.SignIn(People.Approver, ComponentOrganisation.NameOf("approver"));
        var first = Render<TodoPage>(p => p.Add(t => t.Id, todo));
        var other = second.Render<TodoPage>(p => p.Add(t => t.Id, todo));
        foreach (var device in new[] { first, other })
        {
            device.WaitForAssertion(() => Assert.NotEmpty(device.FindAll("[data-testid=action-approve]")));
            await device.Find("[data-testid=action-approve]").ClickAsync(new MouseEventArgs());
        }

        Time.Advance(TimeSpan.FromMinutes(3));
        await first.Find("[data-testid=confirm]").ClickAsync(new MouseEventArgs());
        first.WaitForAssertion(() => Assert.Contains("同意", first.Find("[data-testid=todo-decided]").TextContent, StringComparison.Ordinal));
        Assert.NotEmpty(other.FindAll("[data-testid=confirm]"));
        await other.Find("[data-testid=confirm]").ClickAsync(new MouseEventArgs());

        // 01:33 UTC, three minutes after the start, is 09:33 in Shanghai.
        other.WaitForAssertion(() => Assert.Equal("已被 李审核 于 2026-11-02 09:33 处理", other.Find("[data-testid=decide-message]").TextContent));
        Assert.Contains("同意", other.Find("[data-testid=todo-decided]").TextContent, StringComparison.Ordinal);
        Assert.Empty(other.FindAll("[data-testid=confirm]"));
        await using var db = await DbAsync();
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Kind == TodoOutbox.DecisionKind));
    }
}

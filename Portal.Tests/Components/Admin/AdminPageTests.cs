using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Admin;
using Portal.Domain.Content;
using Portal.Domain.Outbox;
using Portal.Web.Features.Admin;
using Portal.Web.Features.Content.Editing;
using Portal.Web.Features.Content.Workflow;

namespace Portal.Tests.Components.Admin;

/// <summary>The admin's audit log and dead letters.</summary>
public sealed class AdminPageTests : OrganisationComponentTest
{

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await DbAsync();
        SignIn(People.Admin, ComponentOrganisation.NameOf("admin"));
    }

    [Fact]
    public async Task An_admin_reads_the_review_of_an_item_in_the_audit_log_as_sentences()
    {
        var id = (await RunAsync<SaveDraft, SavedDraft>(save => save.RunAsync(
            null, People.Editor, new DraftInput(ContentKind.News, "季度安全检查", null, "<p>正文</p>", null, false, false, null, false, AudienceInput.ForEveryone()), null, default))).Id;
        await StepAsync<SubmitArticle>(submit => submit.RunAsync(id, People.Editor, default));
        await StepAsync<RejectArticle>(reject => reject.RunAsync(id, People.Approver, "请附上检查表", default));
        await StepAsync<SubmitArticle>(submit => submit.RunAsync(id, People.Editor, default));
        await StepAsync<ApproveArticle>(approve => approve.RunAsync(id, People.Approver, default));
        await StepAsync<PublishArticle>(publish => publish.RunAsync(id, People.Approver, null, false, default));

        var page = Render<AuditPage>();

        page.WaitForAssertion(() => Assert.Equal(5, ContentSentences(page).Count));
        Assert.Equal(
            ["李审核 发布", "李审核 批准发布", "王编辑 提交审核", "李审核 驳回：请附上检查表", "王编辑 提交审核"],
            ContentSentences(page).Select(s => s.TextContent.Split('·')[0].Trim()));
        Assert.Contains("季度安全检查", ContentSentences(page)[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_log_is_searched_and_says_when_nothing_matches()
    {
        await using (var db = await DbAsync())
        {
            var now = Time.GetUtcNow().UtcDateTime;
            db.AuditEntries.Add(AuditEntry.Create(now, People.Admin, "赵管理", "outbox.retried", "webhook.decision decision-42", new { Attempts = 8 }, null));
            db.AuditEntries.Add(AuditEntry.Create(now, People.Admin, "赵管理", "role.rules.changed", "editor", null, null));
            await db.SaveChangesAsync();
        }

        var page = Render<AuditPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=audit-entry]").Count));

        await page.Find("[data-testid=audit-search]").ChangeAsync(new ChangeEventArgs { Value = "decision-42" });
        await page.Find("form").SubmitAsync();
        Assert.Contains("decision-42", Assert.Single(page.FindAll("[data-testid=audit-entry]")).TextContent, StringComparison.Ordinal);

        await page.Find("[data-testid=audit-search]").ChangeAsync(new ChangeEventArgs { Value = "没有这样的记录" });
        await page.Find("form").SubmitAsync();
        Assert.Empty(page.FindAll("[data-testid=audit-entry]"));
        Assert.NotNull(page.Find(".empty-state"));
    }

    [Fact]
    public async Task An_admin_sends_a_dead_letter_back_for_delivery()
    {
        await using (var db = await DbAsync())
        {
            var message = new OutboxMessage("webhook.decision", "{}", "decision-42", Time.GetUtcNow().UtcDateTime);
            for (var attempt = 0; attempt < 8; attempt++)
            {
                message.Failed("503 from receiver", Time.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(1), maxAttempts: 8);
            }

            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
        }

        var page = Render<OutboxAdminPage>();
        page.WaitForAssertion(() => Assert.Equal("DeadLettered", page.Find("[data-testid=dead-letter]").GetAttribute("data-status")));
        Assert.Contains("503 from receiver", page.Find("[data-testid=dead-letter]").TextContent, StringComparison.Ordinal);

        await page.Find("[data-testid=retry]").ClickAsync(new MouseEventArgs());

        Assert.Empty(page.FindAll("[data-testid=retry]"));
        await using var check = await DbAsync();
        Assert.Equal(OutboxStatus.Pending, (await check.OutboxMessages.SingleAsync()).Status);
        var audit = await check.AuditEntries.SingleAsync(e => e.Action == "outbox.retried");
        Assert.Equal((People.Admin, "赵管理"), (audit.ActorId, audit.ActorName));
    }

    private static List<AngleSharp.Dom.IElement> ContentSentences(IRenderedComponent<AuditPage> page) =>
        [.. page.FindAll("[data-testid=audit-sentence][data-action^='content.']")];

    /// <summary>One step of the workflow, a minute after the one before, so the log has an order.</summary>
    private async Task StepAsync<TUseCase>(Func<TUseCase, Task> step)
        where TUseCase : notnull
    {
        Time.Advance(TimeSpan.FromMinutes(1));
        await RunAsync<TUseCase, bool>(async useCase =>
        {
            await step(useCase);
            return true;
        });
    }
}

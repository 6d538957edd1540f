using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.Integration;
using Portal.Domain.Todos;
using Portal.Tests.Infrastructure;
using Portal.Tests.Integration;
using Portal.Web.Features.Content.Editing;
using Portal.Web.Features.Content.Workflow;
using Portal.Web.Features.Todos;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Content.Delivery;

/// <summary>
/// The review workflow tells people what awaits them: every approver gets a review to-do and a DingTalk
/// notice when an item is submitted, a decision closes all of them, and the author hears of a rejection
/// (with its reason) and of the publication, scheduled or not. Each through the outbox, in the same save.
/// </summary>
public sealed class WorkflowNoticeTests
{
    private const string NoticeKind = "content.workflow-notice";

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Every_approver_but_the_author_gets_a_review_to_do_and_a_notice_and_a_decision_closes_them_all(DatabaseProvider provider)
    {
        await using var host = await DeliveryPortal.StartAsync(provider);
        var newsroom = await NewsroomAsync(host);
        var id = await DraftAsync(host, newsroom.Author, "新版考勤制度");

        await RunAsync<SubmitArticle>(host, u => u.RunAsync(id, newsroom.Author, default));

        // The author approves too, but never their own item; a plain editor is no approver.
        Assert.Equal(new[] { newsroom.First, newsroom.Second }.Order(), (await NoticesAsync(host)).Select(n => n.PersonId).Order());
        foreach (var approver in new[] { newsroom.First, newsroom.Second })
        {
            var row = Assert.Single(await ListAsync(host, approver, pending: true));
            Assert.Equal("新版考勤制度", row.Title);
        }

        Assert.Empty(await ListAsync(host, newsroom.Author, pending: true));
        Assert.Empty(await ListAsync(host, newsroom.Editor, pending: true));

        Assert.Equal(2, await host.DrainAsync());
        Assert.Contains("【待审核】新版考勤制度", await host.CardTitlesAsync(newsroom.FirstUserId));
        Assert.Contains("【待审核】新版考勤制度", await host.CardTitlesAsync(newsroom.SecondUserId));
        Assert.DoesNotContain("【待审核】新版考勤制度", await host.CardTitlesAsync(newsroom.AuthorUserId));
        var card = (await host.InboxAsync(newsroom.FirstUserId)).First().GetProperty("message").GetProperty("action_card");
        Assert.Contains(Uri.EscapeDataString($"/editor/{id:D}"), card.GetProperty("single_url").GetString(), StringComparison.Ordinal);

        await RunAsync<ApproveArticle>(host, u => u.RunAsync(id, newsroom.Second, default));

        foreach (var approver in new[] { newsroom.First, newsroom.Second })
        {
            Assert.Empty(await ListAsync(host, approver, pending: true));
            Assert.Equal(TodoStatus.Done, Assert.Single(await ListAsync(host, approver, pending: false)).Status);
            await using var db = host.Db();
            Assert.Equal(0, await TodoQueries.PendingCountAsync(db, approver, default));
        }
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task The_author_hears_of_a_rejection_with_its_reason_and_of_the_publication_and_a_decided_review_calls_nobody(DatabaseProvider provider)
    {
        await using var host = await DeliveryPortal.StartAsync(provider);
        var newsroom = await NewsroomAsync(host);
        var id = await DraftAsync(host, newsroom.Author, "年会安排");
        await RunAsync<SubmitArticle>(host, u => u.RunAsync(id, newsroom.Author, default));

        // Decided before the relay ran: the approvers' notices are stale and go to nobody.
        await RunAsync<RejectArticle>(host, u => u.RunAsync(id, newsroom.First, "请补充*日期*\n和地点", default));
        Assert.Equal([newsroom.Author], (await NoticesAsync(host)).Where(n => n.ReviewTodoId is null).Select(n => n.PersonId));
        await host.DrainAsync();
        Assert.DoesNotContain("【待审核】年会安排", await host.CardTitlesAsync(newsroom.FirstUserId));
        Assert.DoesNotContain("【待审核】年会安排", await host.CardTitlesAsync(newsroom.SecondUserId));
        var rejected = (await host.InboxAsync(newsroom.AuthorUserId)).First().GetProperty("message").GetProperty("action_card");
        Assert.Equal("【已退回】年会安排", rejected.GetProperty("title").GetString());
        Assert.Contains("请补充\\*日期\\*\n\n和地点", rejected.GetProperty("markdown").GetString(), StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString($"/editor/{id:D}"), rejected.GetProperty("single_url").GetString(), StringComparison.Ordinal);
        Assert.Equal(TodoStatus.Done, Assert.Single(await ListAsync(host, newsroom.Second, pending: false)).Status);

        await RunAsync<SubmitArticle>(host, u => u.RunAsync(id, newsroom.Author, default));
        Assert.Single(await ListAsync(host, newsroom.Second, pending: true));
        await RunAsync<ApproveArticle>(host, u => u.RunAsync(id, newsroom.Second, default));
        await RunAsync<PublishArticle>(host, u => u.RunAsync(id, newsroom.Second, null, false, default));
        await host.DrainAsync();
        var published = (await host.InboxAsync(newsroom.AuthorUserId)).First().GetProperty("message").GetProperty("action_card");
        Assert.Equal("【已发布】年会安排", published.GetProperty("title").GetString());
        Assert.Contains(Uri.EscapeDataString($"/content/{id:D}"), published.GetProperty("single_url").GetString(), StringComparison.Ordinal);

        // A scheduled item tells its author when its time comes, not before.
        var later = await DraftAsync(host, newsroom.Author, "春节放假通知");
        await RunAsync<SubmitArticle>(host, u => u.RunAsync(later, newsroom.Author, default));
        await RunAsync<ApproveArticle>(host, u => u.RunAsync(later, newsroom.First, default));
        await RunAsync<PublishArticle>(host, u => u.RunAsync(later, newsroom.First, host.Now.AddHours(1), false, default));
        await host.DrainAsync();
        Assert.DoesNotContain("【已发布】春节放假通知", await host.CardTitlesAsync(newsroom.AuthorUserId));
        host.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await RunAsync<PublishArticle, int>(host, u => u.PublishDueAsync(default)));
        await host.DrainAsync();
        Assert.Contains("【已发布】春节放假通知", await host.CardTitlesAsync(newsroom.AuthorUserId));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Submitting_approving_rejecting_and_publishing_are_in_the_audit_log_with_who_and_why(DatabaseProvider provider)
    {
        await using var host = await DeliveryPortal.StartAsync(provider);
        var newsroom = await NewsroomAsync(host);
        var id = await DraftAsync(host, newsroom.Author, "食堂改造");

        await RunAsync<SubmitArticle>(host, u => u.RunAsync(id, newsroom.Author, default));
        host.Time.Advance(TimeSpan.FromMinutes(1));
        await RunAsync<RejectArticle>(host, u => u.RunAsync(id, newsroom.First, "预算待定", default));
        host.Time.Advance(TimeSpan.FromMinutes(1));
        await RunAsync<SubmitArticle>(host, u => u.RunAsync(id, newsroom.Author, default));
        host.Time.Advance(TimeSpan.FromMinutes(1));
        await RunAsync<ApproveArticle>(host, u => u.RunAsync(id, newsroom.First, default));
        host.Time.Advance(TimeSpan.FromMinutes(1));
        await RunAsync<PublishArticle>(host, u => u.RunAsync(id, newsroom.First, null, false, default));

        await using var db = host.Db();
        var names = await db.People.Where(p => p.Id == newsroom.Author || p.Id == newsroom.First).ToDictionaryAsync(p => p.Id, p => p.Name);
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Action.StartsWith("content.")).OrderBy(e => e.At).ToListAsync();
        Assert.Equal(
            [("content.submitted", names[newsroom.Author]), ("content.rejected", names[newsroom.First]), ("content.submitted", names[newsroom.Author]), ("content.approved", names[newsroom.First]), ("content.published", names[newsroom.First])],
            entries.Select(e => (e.Action, e.ActorName)));
        Assert.All(entries, e => Assert.Equal("食堂改造", e.Subject));
        Assert.Contains("预算待定", entries[1].After, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task An_item_an_OA_system_sends_for_approval_awaits_the_approvers_as_a_review_to_do(DatabaseProvider provider)
    {
        await using var host = await DeliveryPortal.StartAsync(provider);
        var newsroom = await NewsroomAsync(host);
        var key = await IntegrationTestKit.IssueKeyAsync(host.Services, "oa", IntegrationClient.ContentWrite);

        var answer = await IntegrationTestKit.PostAsync(host.Http, key, IntegrationTestKit.News());

        Assert.Equal("submitted", answer.ItemStatus);
        Assert.Equal(new[] { newsroom.Author, newsroom.First, newsroom.Second }.Order(), (await NoticesAsync(host)).Select(n => n.PersonId).Order());
        Assert.Single(await ListAsync(host, newsroom.First, pending: true));
    }

    /// <summary>Of the simulated organisation: an author who also approves, two approvers and a plain editor.</summary>
    private static async Task<Newsroom> NewsroomAsync(DeliveryPortal host)
    {
        var users = await host.ActiveUserIdsAsync();
        await TestRoles.GrantAsync(host.Services, users[0], Role.Editor);
        await TestRoles.GrantAsync(host.Services, users[0], Role.Approver);
        await TestRoles.GrantAsync(host.Services, users[1], Role.Approver);
        await TestRoles.GrantAsync(host.Services, users[2], Role.Approver);
        await TestRoles.GrantAsync(host.Services, users[3], Role.Editor);
        return new Newsroom(
            await host.PersonAsync(users[0]), await host.PersonAsync(users[1]), await host.PersonAsync(users[2]), await host.PersonAsync(users[3]), users[0], users[1], users[2]);
    }

    private static async Task<Guid> DraftAsync(DeliveryPortal host, Guid author, string title)
    {
        var input = new DraftInput(ContentKind.News, title, "摘要", "<p>正文</p>", null, false, false, null, false, AudienceInput.ForEveryone());
        return (await host.RunAsync<SaveDraft, SavedDraft>(u => u.RunAsync(null, author, input, null, default))).Id;
    }

    private static async Task RunAsync<T>(DeliveryPortal host, Func<T, Task> action)
        where T : notnull =>
        await host.RunAsync<T, bool>(async u =>
        {
            await action(u);
            return true;
        });

    private static Task<TResult> RunAsync<T, TResult>(DeliveryPortal host, Func<T, Task<TResult>> action)
        where T : notnull => host.RunAsync(action);

    private static async Task<List<TodoRow>> ListAsync(DeliveryPortal host, Guid personId, bool pending)
    {
        await using var db = host.Db();
        return await TodoQueries.ListAsync(db, personId, pending, TodoQueries.PageSize, default);
    }

    private static async Task<List<Notice>> NoticesAsync(DeliveryPortal host)
    {
        await using var db = host.Db();
        var payloads = await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == NoticeKind).Select(m => m.Payload).ToListAsync();
        return [.. payloads.Select(p => JsonSerializer.Deserialize<Notice>(p)!)];
    }

    private sealed record Notice(Guid PersonId, Guid? ReviewTodoId);

    private sealed record Newsroom(Guid Author, Guid First, Guid Second, Guid Editor, string AuthorUserId, string FirstUserId, string SecondUserId);
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Content;
using Portal.Domain.Data;
using Portal.Domain.Integration;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Content.Editing;
using Portal.Web.Features.Content.Delivery;
using Portal.Web.Infrastructure.Data;
using static Portal.Tests.Integration.IntegrationTestKit;

namespace Portal.Tests.Integration;

/// <summary>An OA system creates news and notices: published directly with the publish scope, queued for approval without it.</summary>
public sealed class ContentApiTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task A_publish_scoped_key_publishes_at_once_and_queues_the_DingTalk_push(DatabaseProvider provider)
    {
        await using var portal = await KestrelPortal.StartAsync(provider: provider);
        var key = await IssueKeyAsync(portal.Services, "oa", IntegrationClient.ContentWrite, IntegrationClient.ContentPublish);

        var answer = await PostAsync(portal.Http, key, News());

        Assert.Equal(201, answer.Status);
        Assert.Equal("published", answer.ItemStatus);
        Assert.Equal($"/api/v1/content/{answer.Id:D}", answer.Response.Headers.Location?.OriginalString);
        Assert.EndsWith($"/content/{answer.Id:D}", answer.Json.GetProperty("url").GetString(), StringComparison.Ordinal);
        await using var db = await Db(portal);
        var article = await db.Articles.Include(a => a.History).SingleAsync();
        var client = await db.IntegrationClients.SingleAsync(c => c.Name == "oa");
        Assert.Equal((answer.Id, ContentStatus.Published, client.Id, client.Id), (article.Id, article.Status, article.SourceClientId!.Value, article.AuthorId));
        Assert.Contains(article.History, h => h.Action == "approved" && h.Detail == "source");
        var dispatch = await db.NotificationDispatches.Include(d => d.Calls).SingleAsync();
        Assert.Equal((article.Id, DispatchPurpose.Publish), (dispatch.ArticleId, dispatch.Purpose));
        Assert.True(Assert.Single(dispatch.Calls).ToAllUsers);
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Kind == NotificationQueue.SendKind));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task A_department_notice_is_pushed_to_the_department_and_asks_for_acknowledgement(DatabaseProvider provider)
    {
        await using var portal = await KestrelPortal.StartAsync(provider: provider);
        await SeedDirectoryAsync(portal.Services);
        var key = await IssueKeyAsync(portal.Services, "oa", IntegrationClient.ContentWrite, IntegrationClient.ContentPublish);
        var body = News(new { departments = new[] { Sales }, includeSubdepartments = true });
        body["kind"] = "notice";
        body["requireAcknowledgement"] = true;

        var answer = await PostAsync(portal.Http, key, body);

        Assert.Equal(201, answer.Status);
        await using var db = await Db(portal);
        var article = await db.Articles.SingleAsync();
        Assert.Equal((ContentKind.Notice, true), (article.Kind, article.RequiresAcknowledgement));
        var rule = await db.AudienceRules.SingleAsync(r => r.AudienceId == article.AudienceId);
        Assert.Equal((Sales, true), (rule.DepartmentId!.Value, rule.IncludeSubdepartments));
        var call = await db.NotificationCalls.SingleAsync();
        Assert.Equal(("9010", ""), (call.DepartmentIds, call.UserIds));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Without_the_publish_scope_the_item_enters_the_approval_queue_and_sends_nothing(DatabaseProvider provider)
    {
        await using var portal = await KestrelPortal.StartAsync(provider: provider);
        await SeedDirectoryAsync(portal.Services);
        var key = await IssueKeyAsync(portal.Services, "oa", IntegrationClient.ContentWrite);

        var answer = await PostAsync(portal.Http, key, News(new { users = new[] { "it-sales", "it-north" } }));

        Assert.Equal(201, answer.Status);
        Assert.Equal("submitted", answer.ItemStatus);
        await using var db = await Db(portal);
        var article = await db.Articles.SingleAsync();
        Assert.Equal(ContentStatus.Submitted, article.Status);
        Assert.True(article.Notify, "the approver's publish sends the push the OA system asked for");
        Assert.Equal(2, await db.AudienceRules.CountAsync(r => r.AudienceId == article.AudienceId && r.Kind == Domain.Audiences.AudienceRuleKind.Person));
        Assert.Equal(0, await db.NotificationDispatches.CountAsync());
        Assert.Equal(0, await db.OutboxMessages.CountAsync());

        // Approvers see which system sent it.
        Assert.Equal("oa", (await EditorQueries.ItemAsync(db, article.Id, CancellationToken.None))!.AuthorName);
        Assert.Equal(["oa"], (await EditorQueries.ReviewQueueAsync(db, Guid.NewGuid(), CancellationToken.None)).Select(r => r.AuthorName));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task People_and_roles_are_reached_through_one_userid_call_for_the_active_members(DatabaseProvider provider)
    {
        await using var portal = await KestrelPortal.StartAsync(provider: provider);
        await SeedDirectoryAsync(portal.Services);
        var key = await IssueKeyAsync(portal.Services, "oa", IntegrationClient.ContentWrite, IntegrationClient.ContentPublish);

        var answer = await PostAsync(portal.Http, key, News(new { users = new[] { "it-support", "it-north", "it-north" }, roles = new[] { "approver" } }));

        Assert.Equal(("published", 201), (answer.ItemStatus, answer.Status));
        await using var db = await Db(portal);
        var call = await db.NotificationCalls.SingleAsync();
        Assert.Equal("it-north,it-support", call.UserIds);
        Assert.Equal(3, await db.AudienceRules.CountAsync());
    }

    [Fact]
    public async Task Publish_false_submits_even_with_the_publish_scope()
    {
        await using var portal = await KestrelPortal.StartAsync();
        var key = await IssueKeyAsync(portal.Services, "oa", IntegrationClient.ContentWrite, IntegrationClient.ContentPublish);
        var body = News();
        body["publish"] = false;

        var answer = await PostAsync(portal.Http, key, body);

        Assert.Equal(("submitted", 201), (answer.ItemStatus, answer.Status));
        await using var db = await Db(portal);
        Assert.Equal(ContentStatus.Submitted, (await db.Articles.SingleAsync()).Status);
    }

    [Fact]
    public async Task A_future_publishAt_schedules_the_item_and_pushes_nothing_yet()
    {
        await using var portal = await KestrelPortal.StartAsync();
        var key = await IssueKeyAsync(portal.Services, "oa", IntegrationClient.ContentWrite, IntegrationClient.ContentPublish);
        var at = portal.Time.GetUtcNow().AddHours(3);
        var body = News();
        body["publishAt"] = at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

        var answer = await PostAsync(portal.Http, key, body);

        Assert.Equal(("scheduled", 201), (answer.ItemStatus, answer.Status));
        await using var db = await Db(portal);
        var article = await db.Articles.SingleAsync();
        Assert.Equal((ContentStatus.Approved, at.UtcDateTime), (article.Status, article.PublishAt!.Value));
        Assert.Equal(0, await db.NotificationDispatches.CountAsync());
        Assert.Equal("scheduled", (await GetAsync(portal.Http, key, $"api/v1/content/{answer.Id}")).ItemStatus);
    }

    [Fact]
    public async Task The_body_is_stored_sanitized()
    {
        await using var portal = await KestrelPortal.StartAsync();
        var key = await IssueKeyAsync(portal.Services, "oa", IntegrationClient.ContentWrite);
        var body = News();
        body["body"] = "<p onclick=\"steal()\">通知<script>alert(1)</script><a href=\"javascript:alert(2)\">链接</a><b>加粗</b></p>";

        Assert.Equal(201, (await PostAsync(portal.Http, key, body)).Status);

        await using var db = await Db(portal);
        var stored = (await db.Articles.SingleAsync()).Body;
        Assert.DoesNotContain("script", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", stored, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<b>加粗</b>", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_push_over_the_configured_ceiling_is_refused_with_the_quota_and_leaves_nothing()
    {
        await using var portal = await KestrelPortal.StartAsync(new Dictionary<string, string?>
        {
            ["Content:Delivery:WarnAboveCalls"] = "0",
            ["Content:Delivery:RefuseAboveCalls"] = "0",
        });
        var key = await IssueKeyAsync(portal.Services, "oa", IntegrationClient.ContentWrite, IntegrationClient.ContentPublish);
        var before = await FootprintAsync(portal.Services);

        var refused = await PostAsync(portal.Http, key, News());

        Assert.Equal((422, "send-refused"), (refused.Status, refused.Code));
        Assert.Contains("5000 are left", refused.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await FootprintAsync(portal.Services));

        var quiet = News();
        quiet["notify"] = false;
        Assert.Equal("published", (await PostAsync(portal.Http, key, quiet)).ItemStatus);
    }

    [Fact]
    public async Task A_client_reads_the_status_of_its_own_items_only()
    {
        await using var portal = await KestrelPortal.StartAsync();
        var mine = await IssueKeyAsync(portal.Services, "oa", IntegrationClient.ContentWrite);
        var other = await IssueKeyAsync(portal.Services, "hr", IntegrationClient.ContentWrite);
        var created = await PostAsync(portal.Http, mine, News());

        var read = await GetAsync(portal.Http, mine, $"api/v1/content/{created.Id}");
        var foreign = await GetAsync(portal.Http, other, $"api/v1/content/{created.Id}");
        var bogus = await GetAsync(portal.Http, mine, "api/v1/content/not-a-guid");

        Assert.Equal((200, "submitted", created.Id), (read.Status, read.ItemStatus, read.Id));
        Assert.Equal((404, "not-found"), (foreign.Status, foreign.Code));
        Assert.Equal((404, "not-found"), (bogus.Status, bogus.Code));
    }

    private static Task<PortalDb> Db(KestrelPortal portal) =>
        portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Data;
using Portal.Domain.Integration;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Integration.Api;
using Portal.Web.Infrastructure.Data;
using static Portal.Tests.Integration.IntegrationTestKit;

namespace Portal.Tests.Integration;

/// <summary>An OA system retrying a request with the same Idempotency-Key gets the same item back, never a second one.</summary>
public sealed class IdempotencyTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task A_retry_with_the_same_key_returns_the_first_item_and_pushes_once(DatabaseProvider provider)
    {
        await using var portal = await KestrelPortal.StartAsync(provider: provider);
        var key = await IssueKeyAsync(portal.Services, "oa", IntegrationClient.ContentWrite, IntegrationClient.ContentPublish);
        var body = News().ToJsonString();

        var first = await PostAsync(portal.Http, key, body, "oa-4711");
        var retry = await PostAsync(portal.Http, key, body, "oa-4711");

        Assert.Equal((201, 201), (first.Status, retry.Status));
        Assert.Equal(first.Id, retry.Id);
        Assert.Equal("published", retry.ItemStatus);
        Assert.False(first.Response.Headers.Contains(ContentEndpoints.ReplayedHeader));
        Assert.Equal("true", retry.Response.Headers.GetValues(ContentEndpoints.ReplayedHeader).Single());
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Articles.CountAsync());
        Assert.Equal(1, await db.NotificationDispatches.CountAsync());
        Assert.Equal(1, await db.IntegrationRequests.CountAsync());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Concurrent_retries_with_one_key_create_one_item(DatabaseProvider provider)
    {
        await using var portal = await KestrelPortal.StartAsync(provider: provider);
        var key = await IssueKeyAsync(portal.Services, "oa", IntegrationClient.ContentWrite);
        var body = News().ToJsonString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostAsync(portal.Http, key, body, "burst-1")));

        Assert.All(answers, a => Assert.Equal(201, a.Status));
        Assert.Single(answers.Select(a => a.Id).Distinct());
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Articles.CountAsync());
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_a_422_problem_and_writes_nothing()
    {
        await using var portal = await KestrelPortal.StartAsync();
        var key = await IssueKeyAsync(portal.Services, "oa", IntegrationClient.ContentWrite);
        await PostAsync(portal.Http, key, News(), "oa-1");
        var other = News();
        other["title"] = "另一条新闻";
        var before = await FootprintAsync(portal.Services);

        var answer = await PostAsync(portal.Http, key, other, "oa-1");

        Assert.Equal((422, "idempotency-key-reused", "Idempotency-Key"), (answer.Status, answer.Code, answer.Field));
        Assert.Equal(before, await FootprintAsync(portal.Services));
    }

    [Fact]
    public async Task Keys_belong_to_their_client_and_requests_without_one_are_never_merged()
    {
        await using var portal = await KestrelPortal.StartAsync();
        var oa = await IssueKeyAsync(portal.Services, "oa", IntegrationClient.ContentWrite);
        var hr = await IssueKeyAsync(portal.Services, "hr", IntegrationClient.ContentWrite);
        var body = News().ToJsonString();

        var fromOa = await PostAsync(portal.Http, oa, body, "shared-1");
        var fromHr = await PostAsync(portal.Http, hr, body, "shared-1");
        var plain1 = await PostAsync(portal.Http, oa, body);
        var plain2 = await PostAsync(portal.Http, oa, body);

        Assert.Equal(4, new[] { fromOa.Id, fromHr.Id, plain1.Id, plain2.Id }.Distinct().Count());
    }

    [Fact]
    public async Task A_retry_after_publishAt_has_passed_still_replays()
    {
        await using var portal = await KestrelPortal.StartAsync();
        var key = await IssueKeyAsync(portal.Services, "oa", IntegrationClient.ContentWrite, IntegrationClient.ContentPublish);
        var body = News();
        body["publishAt"] = portal.Time.GetUtcNow().AddMinutes(5).ToString("O");
        var first = await PostAsync(portal.Http, key, body, "late-1");

        portal.Time.Advance(TimeSpan.FromMinutes(10));
        var retry = await PostAsync(portal.Http, key, body, "late-1");

        Assert.Equal((201, first.Id), (retry.Status, retry.Id));
    }
}

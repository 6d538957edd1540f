using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Data;
using Portal.Domain.Integration;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Admin;
using Portal.Web.Features.Integration.Admin;
using Portal.Web.Features.Integration.Keys;
using static Portal.Tests.Integration.IntegrationTestKit;

namespace Portal.Tests.Integration;

/// <summary>Keys: only their hash is kept; missing, forged and revoked ones are 401 problems; scopes decide the rest.</summary>
public sealed class IntegrationKeyTests : PortalTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Integration:RequestsPerMinute"] = "1000" };

    [Fact]
    public async Task An_issued_key_is_shown_once_and_stored_only_as_its_hash()
    {
        var issued = await Portal.Get<IServiceScopeFactory>().CreateScope().ServiceProvider.GetRequiredService<IssueIntegrationClient>()
            .ExecuteAsync(new Actor(null, "test admin"), "erp", [IntegrationClient.ContentWrite], CancellationToken.None);
        var key = issued.Key!;

        Assert.StartsWith(IntegrationKeys.Prefix, key, StringComparison.Ordinal);
        Assert.True(key.Length >= 44, key);
        await using var db = await Db();
        var client = await db.IntegrationClients.AsNoTracking().SingleAsync(c => c.Name == "erp");
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key))), client.KeyHash);
        Assert.StartsWith(client.KeyPrefix, key, StringComparison.Ordinal);
        Assert.True(client.KeyPrefix.Length <= 12);
        var stored = string.Join('\n', (await db.IntegrationClients.AsNoTracking().ToListAsync()).Select(c => System.Text.Json.JsonSerializer.Serialize(c)))
            + string.Join('\n', (await db.AuditEntries.AsNoTracking().ToListAsync()).Select(e => e.Before + e.After + e.Subject));
        Assert.DoesNotContain(key, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(key[12..], stored, StringComparison.Ordinal);
        Assert.Equal(201, (await PostAsync(Portal.Http, key, News())).Status);
    }

    [Fact]
    public void Two_issued_keys_differ()
    {
        var keys = Enumerable.Range(0, 50).Select(_ => IntegrationKeys.Generate()).ToHashSet();

        Assert.Equal(50, keys.Count);
        Assert.All(keys, k => Assert.Matches("^ptl_[A-Za-z0-9]{40}$", k));
    }

    [Fact]
    public async Task A_request_without_a_key_is_a_401_problem_with_a_bearer_challenge()
    {
        var answer = await PostAsync(Portal.Http, null, News());

        Assert.Equal((401, "missing-key"), (answer.Status, answer.Code));
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal("Bearer", answer.Response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("ptl_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-even-a-key")]
    public async Task A_forged_key_is_a_401_problem_and_writes_nothing(string forged)
    {
        await IssueKeyAsync(Portal.Services, "oa", IntegrationClient.ContentWrite, IntegrationClient.ContentPublish);
        var before = await FootprintAsync(Portal.Services);

        var answer = await PostAsync(Portal.Http, forged, News());

        Assert.Equal((401, "invalid-key"), (answer.Status, answer.Code));
        Assert.Contains("invalid_token", answer.Response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await FootprintAsync(Portal.Services));
    }

    [Fact]
    public async Task A_key_that_differs_by_one_character_is_refused()
    {
        var key = await IssueKeyAsync(Portal.Services, "oa", IntegrationClient.ContentWrite);
        var altered = key[..^1] + (key[^1] == 'a' ? 'b' : 'a');

        Assert.Equal(401, (await PostAsync(Portal.Http, altered, News())).Status);
        Assert.Equal(201, (await PostAsync(Portal.Http, key, News())).Status);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_from_its_next_request_on()
    {
        var key = await IssueKeyAsync(Portal.Services, "oa", IntegrationClient.ContentWrite);
        Assert.Equal(201, (await PostAsync(Portal.Http, key, News())).Status);
        Guid id;
        await using (var db = await Db())
        {
            id = (await db.IntegrationClients.SingleAsync(c => c.Name == "oa")).Id;
        }

        Assert.True(await Portal.Get<IServiceScopeFactory>().CreateScope().ServiceProvider.GetRequiredService<RevokeIntegrationClient>()
            .ExecuteAsync(new Actor(null, "test admin"), id, CancellationToken.None));
        var before = await FootprintAsync(Portal.Services);

        var answer = await PostAsync(Portal.Http, key, News());

        Assert.Equal((401, "revoked-key"), (answer.Status, answer.Code));
        Assert.Equal(before, await FootprintAsync(Portal.Services));
    }

    [Fact]
    public async Task A_key_without_content_write_is_a_403_problem_naming_the_scope()
    {
        var key = await IssueKeyAsync(Portal.Services, "hr", IntegrationClient.TodosWrite, IntegrationClient.ContentPublish);

        var answer = await PostAsync(Portal.Http, key, News());

        Assert.Equal((403, "missing-scope"), (answer.Status, answer.Code));
        Assert.Contains("content:write", answer.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(403, (await GetAsync(Portal.Http, key, $"api/v1/content/{Guid.NewGuid()}")).Status);
    }

    [Fact]
    public async Task A_signed_in_admin_session_is_no_integration_key()
    {
        using var browser = await SignedInBrowserAsync();
        var userId = await TestSignIn.DemoPersonAsync(browser);
        await TestRoles.GrantAsync(Portal.Services, userId, Domain.Audiences.Role.Admin);

        var answer = await PostAsync(browser, null, News());

        Assert.Equal((401, "missing-key"), (answer.Status, answer.Code));
    }

    [Fact]
    public async Task Last_used_is_stamped_at_most_once_a_minute()
    {
        var key = await IssueKeyAsync(Portal.Services, "oa", IntegrationClient.ContentWrite);
        var start = Portal.Time.GetUtcNow().UtcDateTime;

        await GetAsync(Portal.Http, key, $"api/v1/content/{Guid.NewGuid()}");
        Assert.Equal(start, await LastUsedAsync());

        Portal.Time.Advance(TimeSpan.FromSeconds(40));
        await GetAsync(Portal.Http, key, $"api/v1/content/{Guid.NewGuid()}");
        Assert.Equal(start, await LastUsedAsync());

        Portal.Time.Advance(TimeSpan.FromSeconds(25));
        await GetAsync(Portal.Http, key, $"api/v1/content/{Guid.NewGuid()}");
        Assert.Equal(start.AddSeconds(65), await LastUsedAsync());
    }

    private async Task<DateTime?> LastUsedAsync()
    {
        await using var db = await Db();
        return (await db.IntegrationClients.AsNoTracking().SingleAsync(c => c.Name == "oa")).LastUsedAt;
    }

    private Task<PortalDb> Db() => Portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
}

/// <summary>Each client has its own allowance per minute.</summary>
public sealed class IntegrationRateLimitTests : PortalTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Integration:RequestsPerMinute"] = "2" };

    [Fact]
    public async Task A_client_over_its_limit_gets_429_while_another_client_goes_on()
    {
        var busy = await IssueKeyAsync(Portal.Services, "busy", IntegrationClient.ContentWrite);
        var calm = await IssueKeyAsync(Portal.Services, "calm", IntegrationClient.ContentWrite);

        Assert.Equal(201, (await PostAsync(Portal.Http, busy, News())).Status);
        Assert.Equal(201, (await PostAsync(Portal.Http, busy, News())).Status);
        var limited = await PostAsync(Portal.Http, busy, News());

        Assert.Equal((429, "rate-limited"), (limited.Status, limited.Code));
        Assert.True(limited.Response.Headers.RetryAfter is not null);
        Assert.Equal(201, (await PostAsync(Portal.Http, calm, News())).Status);
    }
}

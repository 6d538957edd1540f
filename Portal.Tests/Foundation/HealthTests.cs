using System.Net;
using System.Text.Json;
using Portal.Tests.Infrastructure;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Foundation;

public sealed class HealthTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Liveness_and_readiness_answer_on_a_migrated_database(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider);
        await using var app = new PortalAppFactory(database);
        using var client = app.CreateClient();

        var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var checks = body.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["database"]);
        Assert.Equal("Healthy", checks["dingtalk"]);
    }

    [Fact]
    public async Task Readiness_fails_when_the_database_is_unreachable_but_liveness_holds()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Postgres);
        await using var app = new PortalAppFactory(database);
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);

        await database.DisposeAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Readiness_in_Live_mode_fails_when_DingTalk_hands_out_no_token()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite);
        var closedPort = PortalAppFactory.FreePort();
        await using var app = new PortalAppFactory(database, new Dictionary<string, string?>
        {
            ["DingTalk:Mode"] = "Live",
            ["DingTalk:AppKey"] = "dingappkey",
            ["DingTalk:AppSecret"] = "app-secret-never-logged",
            ["DingTalk:CorpId"] = "dingcorp",
            ["DingTalk:AgentId"] = "1000",
            ["DingTalk:OapiBaseUrl"] = $"http://127.0.0.1:{closedPort}",
            ["DingTalk:ApiBaseUrl"] = $"http://127.0.0.1:{closedPort}",
        });
        using var client = app.CreateClient();

        var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var text = await ready.Content.ReadAsStringAsync();
        Assert.Contains("DingTalk unreachable", text, StringComparison.Ordinal);
        Assert.DoesNotContain("app-secret-never-logged", text, StringComparison.Ordinal);
    }
}

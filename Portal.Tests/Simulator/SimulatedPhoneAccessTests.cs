using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Simulator;

/// <summary>The simulated phone exists for developers with the simulator only; anywhere else it is an ordinary 404.</summary>
public sealed class SimulatedPhoneAccessTests
{
    [Fact]
    public async Task In_Development_with_the_simulator_the_phone_lists_people_to_pick()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var app = new PortalAppFactory(database);
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/simulator/phone", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("选择一个人", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"person\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_Development_the_phone_is_not_found()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var app = new PortalAppFactory(database, new Dictionary<string, string?> { ["DingTalk:Mode"] = "Simulator" }) { Environment = "Staging" };
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/simulator/phone", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("选择一个人", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Live_mode_the_phone_is_not_found()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var app = new PortalAppFactory(database, LiveMode.Settings());
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/simulator/phone/anyone", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

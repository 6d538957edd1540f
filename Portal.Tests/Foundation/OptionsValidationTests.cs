using Microsoft.Extensions.Options;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Foundation;

/// <summary>A misconfigured portal refuses to start and names the key to fix.</summary>
public sealed class OptionsValidationTests
{
    public static TheoryData<string, string?, string> BadSettings => new()
    {
        { "DingTalk:Mode", "Live", "DingTalk:AppSecret is required" },
        { "DingTalk:Mode", "Live", "DingTalk:AppKey is required" },
        { "DingTalk:OapiBaseUrl", "not a url", "DingTalk:OapiBaseUrl must be an absolute URL" },
        { "Portal:TimeZone", "Mars/Olympus", "Portal:TimeZone 'Mars/Olympus'" },
        { "DingTalk:Client:RetryAttempts", "-1", "DingTalk:Client:RetryAttempts must be between 0 and 10" },
        { "DingTalk:Client:ApiQps:MessageSnd", "5", "DingTalk:Client:ApiQps:MessageSnd is not an API the client calls" },
        { "DingTalk:Client:TokenRefreshMargin", "02:00:00", "DingTalk:Client:TokenRefreshMargin must be between" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Start_fails_with_the_key_named(string key, string? value, string expected)
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var app = new PortalAppFactory(database, new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains(expected, Errors.Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_names_the_connection_string()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var app = new PortalAppFactory(database, new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Portal"] = "",
        });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("ConnectionStrings:Portal is required", Errors.Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_provider_names_the_provider_key()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var app = new PortalAppFactory(database, new Dictionary<string, string?> { ["Database:Provider"] = "Oracle" });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Database:Provider", Errors.Flatten(error), StringComparison.Ordinal);
    }

}

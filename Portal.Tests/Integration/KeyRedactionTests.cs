using System.Net.Http.Headers;
using Portal.Domain.Integration;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Integration.Keys;
using Portal.Web.Infrastructure.Logging;
using Serilog.Events;
using Serilog.Parsing;
using static Portal.Tests.Integration.IntegrationTestKit;

namespace Portal.Tests.Integration;

/// <summary>Integration keys never reach a log, whether a request carries them or a message quotes them.</summary>
public sealed class KeyRedactionTests
{
    [Theory]
    [InlineData("Authorization: Bearer ptl_Zx81kQpL0aa9mNn2bB3cC4dD5eE6fF7gG8hH9iI0", "ptl_Zx81kQpL0aa9mNn2bB3cC4dD5eE6fF7gG8hH9iI0")]
    [InlineData("header was 'Bearer eyJhbGciOi.J9.abc-def'", "eyJhbGciOi.J9.abc-def")]
    [InlineData("authorization=bearer secret-token-123", "secret-token-123")]
    [InlineData("retrying with key ptl_Zx81kQpL0aa9mNn2bB3cC4dD5eE6", "Zx81kQpL0aa9mNn2bB3cC4dD5eE6")]
    public void Bearer_credentials_and_integration_keys_inside_text_are_masked(string text, string secret)
    {
        var logEvent = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null, new MessageTemplateParser().Parse("{Text}"), [new LogEventProperty("Text", new ScalarValue(text))]);

        new SensitiveDataRedactor().Enrich(logEvent, null!);

        Assert.DoesNotContain(secret, logEvent.Properties["Text"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_with_good_forged_and_revoked_keys_leave_no_key_in_the_log_file()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var logDirectory = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("n"));
        var forged = IntegrationKeys.Generate();
        string key;
        await using (var app = new PortalAppFactory(database, new Dictionary<string, string?> { ["Logging:File:Path"] = Path.Combine(logDirectory, "portal.log") }))
        {
            using var http = app.CreateClient();
            key = await IssueKeyAsync(app.Services, "oa", IntegrationClient.ContentWrite);
            Assert.Equal(201, (await PostAsync(http, key, News())).Status);
            Assert.Equal(401, (await PostAsync(http, forged, News())).Status);
            using var basic = new HttpRequestMessage(HttpMethod.Get, "api/v1/content/x");
            basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", key);
            await http.SendAsync(basic);
        }

        var log = string.Join('\n', Directory.GetFiles(logDirectory).Select(File.ReadAllText));
        Assert.Contains("/api/v1/content", log, StringComparison.Ordinal);
        Assert.DoesNotContain(key[4..], log, StringComparison.Ordinal);
        Assert.DoesNotContain(forged[4..], log, StringComparison.Ordinal);
        Directory.Delete(logDirectory, recursive: true);
    }
}

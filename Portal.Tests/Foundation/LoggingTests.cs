using System.Text.Json;
using Portal.Tests.Infrastructure;
using Portal.Web.Infrastructure.Logging;
using Serilog.Events;
using Serilog.Parsing;

namespace Portal.Tests.Foundation;

public sealed class LoggingTests
{
    private const string Secret = "app-secret-0123456789";

    [Fact]
    public async Task Requests_are_logged_with_method_path_status_and_time_but_no_secrets()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var logDirectory = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("n"));
        var logFile = Path.Combine(logDirectory, "portal.log");
        var app = new PortalAppFactory(database, new Dictionary<string, string?>
        {
            ["Logging:File:Path"] = logFile,
            ["DingTalk:AppSecret"] = Secret,
        });
        try
        {
            using var client = app.CreateClient();
            await client.GetAsync(new Uri("/signin?code=authcode-5f2a9c&access_token=tok-77aa&mobile=13812345678", UriKind.Relative));
            await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));
        }
        finally
        {
            await app.DisposeAsync();
        }

        var lines = Directory.GetFiles(logDirectory).SelectMany(File.ReadAllLines).ToList();
        var requests = lines.Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("MessageTemplate").GetString()!.StartsWith("HTTP ", StringComparison.Ordinal))
            .Select(e => e.GetProperty("Properties"))
            .ToList();

        var todos = Assert.Single(requests, p => p.GetProperty("Path").GetString() == "/signin");
        Assert.Equal("GET", todos.GetProperty("Method").GetString());
        Assert.Equal(200, todos.GetProperty("StatusCode").GetInt32());
        Assert.True(todos.GetProperty("ElapsedMs").GetDouble() > 0);
        Assert.Equal("-", todos.GetProperty("UserId").GetString());
        Assert.Contains(requests, p => p.GetProperty("Path").GetString() == "/no-such-page" && p.GetProperty("StatusCode").GetInt32() == 404);

        var all = string.Join('\n', lines);
        Assert.DoesNotContain("authcode-5f2a9c", all, StringComparison.Ordinal);
        Assert.DoesNotContain("tok-77aa", all, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", all, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, all, StringComparison.Ordinal);
        Directory.Delete(logDirectory, recursive: true);
    }

    [Theory]
    [InlineData("AccessToken", "abc")]
    [InlineData("AppSecret", "abc")]
    [InlineData("code", "abc")]
    [InlineData("Mobile", "13812345678")]
    [InlineData("Authorization", "Bearer abc")]
    public void Sensitive_properties_are_masked_by_name(string name, string value)
    {
        var logEvent = Event("{" + name + "}", new LogEventProperty(name, new ScalarValue(value)));

        new SensitiveDataRedactor().Enrich(logEvent, null!);

        Assert.Equal("\"***\"", logEvent.Properties[name].ToString());
    }

    [Theory]
    [InlineData("GET /gettoken?appkey=k&appsecret=s3cr3t", "s3cr3t")]
    [InlineData("calling 13812345678 now", "13812345678")]
    [InlineData("+86 13912345678", "13912345678")]
    [InlineData("url?access_token=zzz&x=1", "zzz")]
    public void Sensitive_text_inside_values_is_masked(string text, string secret)
    {
        var logEvent = Event("{Text}", new LogEventProperty("Text", new ScalarValue(text)));

        new SensitiveDataRedactor().Enrich(logEvent, null!);

        Assert.DoesNotContain(secret, logEvent.Properties["Text"].ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("order 202611221234567890")]
    [InlineData("took 1385 ms")]
    public void Ordinary_numbers_are_left_alone(string text)
    {
        var logEvent = Event("{Text}", new LogEventProperty("Text", new ScalarValue(text)));

        new SensitiveDataRedactor().Enrich(logEvent, null!);

        Assert.Equal($"\"{text}\"", logEvent.Properties["Text"].ToString());
    }

    private static LogEvent Event(string template, params LogEventProperty[] properties) =>
        new(DateTimeOffset.UtcNow, LogEventLevel.Information, null, new MessageTemplateParser().Parse(template), properties);
}

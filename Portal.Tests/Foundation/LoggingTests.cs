using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Data;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Integration.Keys;
using Portal.Web.Infrastructure.Logging;
using Serilog.Events;
using Serilog.Parsing;

namespace Portal.Tests.Foundation;

public sealed class LoggingTests
{
    private const string Secret = "app-secret-0123456789";
    private const string SecretQuery = "code=authcode-5f2a9c&access_token=tok-77aa&mobile=13812345678";
    private static readonly string ForgedKey = IntegrationKeys.Generate();

    [Fact]
    public async Task The_log_file_has_a_line_per_request_with_method_path_status_time_user_and_trace_but_no_secrets()
    {
        using var logs = new TempFolder();
        string person;
        await using (var portal = await KestrelPortal.StartAsync(new Dictionary<string, string?>
        {
            ["Logging:File:Path"] = Path.Combine(logs.Path, "portal.log"),
            ["DingTalk:AppSecret"] = Secret,
            // The framework's own request lines print the whole query string: let them through to see it masked.
            ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Information",
        }))
        {
            using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = portal.Http.BaseAddress };
            var userId = await TestSignIn.AsDemoPersonAsync(browser);
            await browser.GetAsync(new Uri("/signin?" + SecretQuery, UriKind.Relative));
            await portal.Http.GetAsync(new Uri("/no-such-page", UriKind.Relative));
            await using var db = await portal.Get<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
            person = (await db.People.SingleAsync(p => p.UserId == userId)).Id.ToString();
        }

        var lines = Directory.GetFiles(logs.Path).SelectMany(File.ReadAllLines).ToList();
        var events = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var requests = events.Where(e => e.GetProperty("MessageTemplate").GetString() == RequestLogging.MessageTemplate).ToList();

        var signIn = Assert.Single(requests, e => Property(e, "RequestPath") == "/signin");
        Assert.Equal("GET", Property(signIn, "RequestMethod"));
        Assert.True(signIn.GetProperty("Properties").GetProperty("Elapsed").GetDouble() > 0);
        Assert.Equal(person, Property(signIn, "UserId"));
        Assert.Equal(signIn.GetProperty("TraceId").GetString(), Property(signIn, "TraceId"));
        Assert.Matches("^[0-9a-f]{32}$", Property(signIn, "TraceId"));
        Assert.Matches(@"^HTTP ""GET"" ""/signin"" responded \d{3} in \d+\.\d ms \(user """ + person + @"""\)$", signIn.GetProperty("RenderedMessage").GetString());
        var missing = Assert.Single(requests, e => Property(e, "RequestPath") == "/no-such-page");
        Assert.Equal(404, missing.GetProperty("Properties").GetProperty("StatusCode").GetInt32());
        Assert.Equal("-", Property(missing, "UserId"));

        Assert.Contains(events, e => e.GetProperty("MessageTemplate").GetString()!.StartsWith("Request starting", StringComparison.Ordinal)
            && Property(e, "QueryString") == "?code=***&access_token=***&mobile=***");
        AssertNoSecrets(string.Join('\n', lines));
    }

    [Fact]
    public async Task Outside_development_the_console_gets_one_JSON_object_per_line_and_no_secrets()
    {
        using var simulator = new TempFolder();
        await using var database = TestDatabase.CreateEmptySqlite();
        await using var portal = await PortalProcess.StartAsync(PortalAppFactory.FreePort(), database, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Staging",
            ["DingTalk:Mode"] = "Simulator",
            ["DingTalk:AppSecret"] = Secret,
            [PortalAppFactory.SimulatorDataFolderKey] = simulator.Path,
            ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Information",
        });
        using var client = new HttpClient { BaseAddress = portal.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/content/x?" + SecretQuery);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ForgedKey);
        await client.SendAsync(request);

        var output = await KestrelPortal.EventuallyAsync(
            () => Task.FromResult(portal.Output), o => o.Contains("\"RequestPath\":\"/api/v1/content/x\"", StringComparison.Ordinal), "the request line");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(line).RootElement.ValueKind));
        Assert.Contains(lines, l => l.Contains("?code=***&access_token=***&mobile=***", StringComparison.Ordinal));
        AssertNoSecrets(output);
        Assert.DoesNotContain(ForgedKey[4..], output, StringComparison.Ordinal);
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

    private static string? Property(JsonElement logEvent, string name) =>
        logEvent.GetProperty("Properties").TryGetProperty(name, out var value) ? value.GetString() : null;

    private static void AssertNoSecrets(string log)
    {
        Assert.DoesNotContain("authcode-5f2a9c", log, StringComparison.Ordinal);
        Assert.DoesNotContain("tok-77aa", log, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", log, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, log, StringComparison.Ordinal);
    }

    private static LogEvent Event(string template, params LogEventProperty[] properties) =>
        new(DateTimeOffset.UtcNow, LogEventLevel.Information, null, new MessageTemplateParser().Parse(template), properties);
}

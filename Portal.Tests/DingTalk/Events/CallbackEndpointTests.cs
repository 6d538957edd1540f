using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.DingTalk.Crypto;
using Portal.Domain.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.DingTalk.Events;

public sealed class CallbackEndpointTests : PortalTest
{
    private const string Token = "portalToken123";
    private const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private const string CorpId = "dingcorp0123456789";

    private readonly DingTalkCallbackCrypto crypto = new(Token, AesKey, CorpId);
    private HttpClient client = default!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["DingTalk:CorpId"] = CorpId,
        ["DingTalk:Callback:Token"] = Token,
        ["DingTalk:Callback:AesKey"] = AesKey,
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        client = Browser();
    }

    public override async Task DisposeAsync()
    {
        client.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task The_reference_check_url_vector_is_answered_with_an_encrypted_signed_success()
    {
        Portal.Time.AdjustTime(DateTimeOffset.FromUnixTimeMilliseconds(1700000000000).AddSeconds(30));
        const string encrypt = "Q3stYC6hdFzMh9T8HCvyDLV8JeomtQuxZLosYEI28mjzSD5UpK2hp0QUc4H6M/N5tGEuQT0JFT55qEaOAX+lZQ==";

        var response = await client.PostAsJsonAsync(
            new Uri("/dingtalk/callback?signature=a3f9e17ea7ffedb438fe7728a33858b7a041c3d9&timestamp=1700000000000&nonce=n0nce123", UriKind.Relative),
            new { encrypt });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await response.Content.ReadFromJsonAsync<CallbackReply>();
        Assert.NotNull(reply);
        Assert.True(crypto.Verify(reply.MsgSignature, reply.TimeStamp, reply.Nonce, reply.Encrypt));
        Assert.Equal("success", crypto.Decrypt(reply.Encrypt));
        Assert.Equal(0, await CountEventsAsync());
    }

    [Fact]
    public async Task An_org_event_is_recorded_once_however_often_it_is_delivered()
    {
        var message = """{"EventType":"user_add_org","TimeStamp":"1700000000000","UserId":["u001"],"CorpId":"dingcorp0123456789"}""";

        var first = await PostAsync(message, "nonce-a");
        var replay = await PostAsync(message, "nonce-a");
        var retry = await PostAsync(message, "nonce-b");

        Assert.All(new[] { first, replay, retry }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, await CountEventsAsync());
    }

    [Fact]
    public async Task Msg_signature_is_accepted_like_signature()
    {
        var timestamp = Now();
        var encrypt = crypto.Encrypt("""{"EventType":"org_dept_create","eventId":"e-42","deptId":[5]}""");
        var url = $"/dingtalk/callback?msg_signature={crypto.Sign(timestamp, "n1", encrypt)}&timestamp={timestamp}&nonce=n1";

        var response = await client.PostAsJsonAsync(new Uri(url, UriKind.Relative), new { encrypt });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await CountEventsAsync());
    }

    [Fact]
    public async Task A_forged_signature_is_refused_and_changes_nothing()
    {
        var timestamp = Now();
        var encrypt = crypto.Encrypt("""{"EventType":"user_leave_org","UserId":["u001"]}""");
        var forged = new DingTalkCallbackCrypto("otherToken1", AesKey, CorpId).Sign(timestamp, "n1", encrypt);

        var response = await client.PostAsJsonAsync(new Uri($"/dingtalk/callback?signature={forged}&timestamp={timestamp}&nonce=n1", UriKind.Relative), new { encrypt });

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "bad-signature");
        Assert.Equal(0, await CountEventsAsync());
    }

    [Theory]
    [InlineData(-11)]
    [InlineData(6)]
    public async Task A_timestamp_outside_the_window_is_refused(int minutes)
    {
        var timestamp = Portal.Time.GetUtcNow().AddMinutes(minutes).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var encrypt = crypto.Encrypt("""{"EventType":"user_add_org","UserId":["u9"]}""");

        var response = await client.PostAsJsonAsync(
            new Uri($"/dingtalk/callback?signature={crypto.Sign(timestamp, "n", encrypt)}&timestamp={timestamp}&nonce=n", UriKind.Relative), new { encrypt });

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "stale-timestamp");
        Assert.Equal(0, await CountEventsAsync());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"encrypt\":42}")]
    [InlineData("{}")]
    public async Task A_malformed_body_is_a_problem_response(string body)
    {
        var timestamp = Now();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await client.PostAsync(new Uri($"/dingtalk/callback?signature=abc&timestamp={timestamp}&nonce=n", UriKind.Relative), content);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "malformed-body");
    }

    [Fact]
    public async Task An_oversized_body_is_refused()
    {
        var timestamp = Now();
        using var content = new StringContent(new string('x', 70_000), Encoding.UTF8, "application/json");

        var response = await client.PostAsync(new Uri($"/dingtalk/callback?signature=abc&timestamp={timestamp}&nonce=n", UriKind.Relative), content);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "body-too-large");
    }

    [Fact]
    public async Task Missing_query_parameters_are_named()
    {
        var response = await client.PostAsJsonAsync(new Uri("/dingtalk/callback?timestamp=1&nonce=n", UriKind.Relative), new { encrypt = "x" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "missing-parameter");
        Assert.Equal("signature", problem.GetProperty("field").GetString());
    }

    private async Task<HttpResponseMessage> PostAsync(string message, string nonce)
    {
        var timestamp = Now();
        var encrypt = crypto.Encrypt(message);
        return await client.PostAsJsonAsync(
            new Uri($"/dingtalk/callback?signature={crypto.Sign(timestamp, nonce, encrypt)}&timestamp={timestamp}&nonce={nonce}", UriKind.Relative),
            new { encrypt });
    }

    private string Now() => Portal.Time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private async Task<int> CountEventsAsync()
    {
        await using var db = await Portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        return await db.ReceivedDingTalkEvents.CountAsync();
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }
}

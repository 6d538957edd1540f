using System.Net;
using System.Net.Http.Json;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// Guessing sign-in codes or integration keys costs the guesser, not DingTalk or the people signing in:
/// a refused code is remembered, an address that keeps failing is refused before any work, and other
/// addresses are not affected.
/// </summary>
public sealed class SignInAbuseTests
{
    private const string GetUserInfo = "oapi POST /topapi/v2/user/getuserinfo";

    [Fact]
    public async Task A_thousand_bogus_codes_cost_at_most_the_failure_limit_in_DingTalk_calls_and_others_still_sign_in()
    {
        await using var portal = await KestrelPortal.StartAsync(new Dictionary<string, string?> { ["SignIn:FailedCodesPerMinute"] = "5" });
        using var attacker = ClientAddress.From("127.0.0.1", portal.Http.BaseAddress!);
        using var colleague = ClientAddress.From("127.0.0.2", portal.Http.BaseAddress!, keepCookies: true);

        var statuses = new Dictionary<HttpStatusCode, int>();
        for (var i = 0; i < 1000; i++)
        {
            var response = await attacker.PostAsJsonAsync(new Uri("auth/dingtalk/code", UriKind.Relative), new { code = $"bogus{i:D4}" });
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
        }

        await TestSignIn.AsDemoPersonAsync(colleague);

        Assert.Equal(5, statuses[HttpStatusCode.BadRequest]);
        Assert.Equal(995, statuses[HttpStatusCode.TooManyRequests]);
        Assert.Equal(5 + 1, (await portal.StatsAsync(GetUserInfo)).Calls);
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync(new Uri("api/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_code_DingTalk_refused_is_refused_again_without_asking_DingTalk()
    {
        await using var portal = await KestrelPortal.StartAsync();

        var answers = new List<(HttpStatusCode, string?)>();
        for (var i = 0; i < 3; i++)
        {
            var response = await portal.Http.PostAsJsonAsync(new Uri("auth/dingtalk/code", UriKind.Relative), new { code = "samebogus" });
            answers.Add((response.StatusCode, (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("code").GetString()));
        }

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.BadRequest, "invalid-code"), a));
        Assert.Equal(1, (await portal.StatsAsync(GetUserInfo)).Calls);
    }

    [Fact]
    public async Task Wrong_integration_keys_from_one_address_are_refused_while_another_address_gets_in()
    {
        await using var portal = await KestrelPortal.StartAsync(new Dictionary<string, string?> { ["Integration:FailedKeysPerMinute"] = "3" });
        var key = await Integration.IntegrationTestKit.IssueKeyAsync(portal.Services, "oa", Portal.Domain.Integration.IntegrationClient.ContentWrite);
        using var guesser = ClientAddress.From("127.0.0.1", portal.Http.BaseAddress!);
        using var system = ClientAddress.From("127.0.0.3", portal.Http.BaseAddress!);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await GetAsync(guesser, "ptl_wrong_key_" + i)).StatusCode);
        }

        var right = await GetAsync(guesser, key);
        var elsewhere = await GetAsync(system, key);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Equal("application/problem+json", right.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"api/v1/content/{Guid.NewGuid()}", UriKind.Relative));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return await client.SendAsync(request);
    }
}

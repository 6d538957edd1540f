using System.Net;
using System.Text;
using System.Text.Json;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>Bad input to the machine endpoints gets a 4xx problem, never a 500, and changes nothing.</summary>
public sealed class BadInputTests : PortalTest
{
    public static TheoryData<string, string> Bodies => new()
    {
        { "{bad", "application/json" },
        { "[1,2]", "application/json" },
        { "{\"code\": 42}", "application/json" },
        { "\"code\"", "application/json" },
        { "code=abc", "application/x-www-form-urlencoded" },
        { "", "application/json" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_sign_in_code_body_that_is_not_a_code_is_a_400_problem(string body, string contentType)
    {
        using var content = new StringContent(body, Encoding.UTF8, contentType);

        var response = await Portal.Http.PostAsync(new Uri("auth/dingtalk/code", UriKind.Relative), content);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid-code");
    }

    [Fact]
    public async Task A_sign_in_code_body_that_is_not_UTF_8_is_a_400_problem()
    {
        using var content = new ByteArrayContent([.. "{\"code\":\""u8.ToArray(), 0xff, 0xfe, .. "\"}"u8.ToArray()]);
        content.Headers.ContentType = new("application/json");

        var response = await Portal.Http.PostAsync(new Uri("auth/dingtalk/code", UriKind.Relative), content);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid-code");
    }

    [Fact]
    public async Task The_development_sign_in_without_its_antiforgery_token_is_a_400_problem()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["userId"] = "anyone", ["returnUrl"] = "/" });

        var response = await Portal.Http.PostAsync(new Uri("auth/dev", UriKind.Relative), form);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "antiforgery-failed");
    }

    [Theory]
    [InlineData("9223372036854775807")]
    [InlineData("253402300800000")]
    [InlineData("-1")]
    public async Task A_callback_timestamp_beyond_any_date_is_a_400_problem(string timestamp)
    {
        using var content = new StringContent("{\"encrypt\":\"x\"}", Encoding.UTF8, "application/json");

        var response = await Portal.Http.PostAsync(new Uri($"dingtalk/callback?signature=a&timestamp={timestamp}&nonce=n", UriKind.Relative), content);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "stale-timestamp");
    }

    [Fact]
    public async Task An_address_over_8_KiB_is_a_414_problem_not_a_bare_status()
    {
        var response = await Portal.Http.GetAsync(new Uri("api/me?x=" + new string('a', 20_000), UriKind.Relative));

        await AssertProblemAsync(response, HttpStatusCode.RequestUriTooLong, "uri-too-long");
    }

    [Fact]
    public async Task Headers_over_32_KiB_are_a_431_problem_not_a_bare_status()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/me", UriKind.Relative));
        for (var i = 0; i < 5; i++)
        {
            request.Headers.Add($"X-Padding-{i}", new string('b', 8000));
        }

        var response = await Portal.Http.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.RequestHeaderFieldsTooLarge, "headers-too-large");
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(code, problem.RootElement.GetProperty("code").GetString());
    }
}

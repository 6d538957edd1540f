using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Foundation;

public sealed class LocalizationTests : PortalTest
{
    [Theory]
    [InlineData(null, "zh-CN", "首页")]
    [InlineData("en-US,en;q=0.9", "en-US", "Home")]
    [InlineData("en-GB", "en-US", "Home")]
    [InlineData("zh-Hans-CN", "zh-CN", "首页")]
    [InlineData("fr-FR,de;q=0.8", "zh-CN", "首页")]
    [InlineData("fr-FR, en;q=0.5", "en-US", "Home")]
    public async Task The_shell_speaks_the_language_asked_for(string? acceptLanguage, string culture, string homeTab)
    {
        using var client = await SignedInBrowserAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains($"<html lang=\"{culture}\"", html, StringComparison.Ordinal);
        Assert.Matches($"<span[^>]*>{homeTab}</span>", html);
    }

    [Fact]
    public async Task The_cookie_wins_over_the_browser_language()
    {
        using var client = Browser();
        await TestSignIn.AsDemoPersonAsync(client);

        var switched = await client.GetAsync(new Uri("/culture/en-US?returnUrl=%2Fme", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/me", switched.Headers.Location?.OriginalString);
        var cookie = Assert.Single(switched.Headers.GetValues("Set-Cookie"));
        Assert.Contains(".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US", cookie, StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/me");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"en-US\"", html, StringComparison.Ordinal);
        Assert.Contains("Language", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task Switching_language_never_redirects_off_site(string returnUrl)
    {
        using var client = Browser();

        var response = await client.GetAsync(new Uri($"/culture/zh-CN?returnUrl={Uri.EscapeDataString(returnUrl)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Headers.Location);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task An_unsupported_language_is_a_problem_response()
    {
        using var client = Browser();

        var response = await client.GetAsync(new Uri("/culture/xx-YY", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"field\":\"culture\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }
}

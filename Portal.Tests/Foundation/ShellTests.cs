using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Foundation;

public sealed class ShellTests : PortalTest
{
    [Theory]
    [InlineData("/", "首页")]
    [InlineData("/todos", "待办")]
    [InlineData("/directory", "通讯录")]
    [InlineData("/me", "我的")]
    public async Task Every_tab_is_prerendered_with_the_app_bar_and_the_tab_bar(string path, string title)
    {
        using var client = await SignedInBrowserAsync();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<title>{title} · 企业门户</title>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"app-bar-title\"", html, StringComparison.Ordinal);
        foreach (var tab in new[] { "首页", "待办", "通讯录", "我的" })
        {
            Assert.Matches($"<span[^>]*>{tab}</span>", html);
        }

        Assert.Contains("id=\"components-reconnect-modal\"", html, StringComparison.Ordinal);
        Assert.Contains("<!--Blazor:{", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/todos")]
    [InlineData("/me")]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_back(string path)
    {
        using var client = Browser();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(path), response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_page_is_a_404_with_a_way_home()
    {
        using var client = Browser(followRedirects: true);

        var response = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", html, StringComparison.Ordinal);
        Assert.Contains("返回首页", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/no-such-endpoint")]
    [InlineData("/dingtalk/no-such-endpoint")]
    public async Task An_unknown_machine_endpoint_is_a_problem_response_not_a_page(string path)
    {
        using var client = Browser(followRedirects: true);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"code\":\"http-404\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_client_script_and_the_bridge_bundle_are_served()
    {
        using var client = Browser(followRedirects: true);
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"(_framework/blazor\\.web\\.[a-z0-9]+\\.js)\"").Groups[1].Value;
        Assert.NotEmpty(script);

        var blazor = await client.GetAsync(new Uri("/" + script, UriKind.Relative));
        var bridge = await client.GetAsync(new Uri("/js/portal-bridge.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, blazor.StatusCode);
        // The SDK's own .NET 10 script: it can pause and resume a circuit, which the v9 one could not.
        var code = await blazor.Content.ReadAsStringAsync();
        Assert.Contains("pauseCircuit", code, StringComparison.Ordinal);
        Assert.Contains("resumeCircuit", code, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, bridge.StatusCode);
        Assert.Contains("requestAuthCode", await bridge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

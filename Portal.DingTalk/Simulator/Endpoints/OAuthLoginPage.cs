using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Portal.DingTalk.Simulator.Org;
using Portal.DingTalk.Simulator.State;

namespace Portal.DingTalk.Simulator.Endpoints;

/// <summary>
/// Stands in for https://login.dingtalk.com/oauth2/auth: instead of a QR code it lists the
/// organisation's active people; choosing one redirects back with <c>code</c>, <c>authCode</c> and <c>state</c>.
/// Its text is DingTalk's screen, not the portal's, so it is not part of the portal's localized UI.
/// </summary>
internal static class OAuthLoginPage
{
    private const string ChoosePath = "/oauth2/choose";
    private static readonly string[] ForwardedParameters = ["redirect_uri", "response_type", "client_id", "scope", "state", "prompt"];
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static void Map(IEndpointRouteBuilder login)
    {
        login.MapGet("/oauth2/auth", (HttpRequest request, SimulatorRuntime simulator) =>
            Validate(request, simulator) is { } error ? error : Results.Content(Render(request, simulator), "text/html; charset=utf-8"));

        login.MapGet(ChoosePath, (HttpRequest request, SimulatorRuntime simulator) =>
        {
            if (Validate(request, simulator) is { } error)
            {
                return error;
            }

            var userId = request.Query["userId"].ToString();
            var user = simulator.State.Read(org => org.User(userId));
            if (user is not { Active: true })
            {
                return Page(StatusCodes.Status400BadRequest, "该成员不存在或未激活");
            }

            var code = simulator.Credentials.IssueAuthCode(user.UserId, AuthCodeKind.OAuth);
            var back = new Dictionary<string, string?> { ["code"] = code, ["authCode"] = code };
            if (request.Query["state"].ToString() is { Length: > 0 } state)
            {
                back["state"] = state;
            }

            return Results.Redirect(QueryHelpers.AddQueryString(request.Query["redirect_uri"].ToString(), back));
        });
    }

    private static IResult? Validate(HttpRequest request, SimulatorRuntime simulator)
    {
        var query = request.Query;
        if (!string.Equals(query["client_id"], simulator.App.AppKey, StringComparison.Ordinal))
        {
            return Page(StatusCodes.Status400BadRequest, "client_id 无效：应用不存在");
        }

        if (query["response_type"] != "code")
        {
            return Page(StatusCodes.Status400BadRequest, "response_type 必须为 code");
        }

        if (!Uri.TryCreate(query["redirect_uri"], UriKind.Absolute, out var redirect) || (redirect.Scheme != Uri.UriSchemeHttp && redirect.Scheme != Uri.UriSchemeHttps))
        {
            return Page(StatusCodes.Status400BadRequest, "redirect_uri 无效");
        }

        var scopes = query["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return scopes.Contains("openid") ? null : Page(StatusCodes.Status400BadRequest, "scope 必须包含 openid");
    }

    private static string Render(HttpRequest request, SimulatorRuntime simulator)
    {
        var search = request.Query["q"].ToString().Trim();
        var (corpName, people) = simulator.State.Read(org => (org.CorpName, org.Users
            .Where(u => u.Active)
            .Select(u => (User: u, Department: org.Department(u.DeptIds[0])?.Name ?? ""))
            .Where(p => search.Length == 0 || Matches(p.User, p.Department, search))
            .ToList()));

        var html = Html;
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>钉钉登录（模拟）</title><style>body{font-family:sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem}li{margin:.4rem 0}small{color:#666}</style></head><body>")
            .Append("<h1>钉钉登录（模拟）</h1><p>").Append(html.Encode(corpName)).Append(" · 选择要登录的成员</p>")
            .Append("<form method=\"get\">");
        foreach (var name in ForwardedParameters)
        {
            page.Append("<input type=\"hidden\" name=\"").Append(name).Append("\" value=\"").Append(html.Encode(request.Query[name].ToString())).Append("\">");
        }

        page.Append("<input name=\"q\" placeholder=\"姓名、职位或部门\" value=\"").Append(html.Encode(search)).Append("\"> <button>搜索</button></form><ul>");
        foreach (var (user, department) in people)
        {
            var choose = QueryHelpers.AddQueryString(
                request.PathBase + SimulatorDefaults.LoginPath + ChoosePath,
                ForwardedParameters.Select(n => KeyValuePair.Create(n, (string?)request.Query[n].ToString())).Append(KeyValuePair.Create("userId", (string?)user.UserId)));
            page.Append("<li><a href=\"").Append(html.Encode(choose)).Append("\">").Append(html.Encode(user.Name)).Append("</a> <small>")
                .Append(html.Encode($"{user.Title} · {department}")).Append("</small></li>");
        }

        return page.Append("</ul></body></html>").ToString();
    }

    private static bool Matches(SimUser user, string department, string search) =>
        user.Name.Contains(search, StringComparison.Ordinal)
        || (user.Title ?? "").Contains(search, StringComparison.Ordinal)
        || department.Contains(search, StringComparison.Ordinal);

    private static IResult Page(int status, string message) =>
        Results.Content($"<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>钉钉登录（模拟）</title><p>{Html.Encode(message)}</p></html>", "text/html; charset=utf-8", Encoding.UTF8, status);
}

using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Portal.DingTalk;
using Portal.DingTalk.Client;
using Portal.DingTalk.Client.Identity;

namespace Portal.Web.Features.SignIn;

/// <summary>
/// "Sign in with DingTalk" in an ordinary browser: OAuth2 with a <c>state</c> bound to this browser by a
/// short-lived cookie, then users/me → unionId → userId, then the same sign-in as inside DingTalk.
/// </summary>
public static class OAuthEndpoints
{
    private const string StateCookie = ".portal.oauth";

    public static IResult Start(string? returnUrl, HttpContext context, IOptionsMonitor<DingTalkOptions> dingTalk, IOptionsMonitor<SignInOptions> options)
    {
        var state = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Response.Cookies.Append(StateCookie, state + "|" + SignInPaths.SafeReturnUrl(returnUrl), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = TimeSpan.FromMinutes(10),
            Path = "/auth/dingtalk",
        });
        var callback = $"{context.Request.Scheme}://{context.Request.Host}/auth/dingtalk/callback";
        var login = options.CurrentValue.LoginUrl(dingTalk.CurrentValue, context.Request);
        return Results.Redirect($"{login}?redirect_uri={Uri.EscapeDataString(callback)}&response_type=code&client_id={Uri.EscapeDataString(dingTalk.CurrentValue.AppKey)}&scope=openid&state={state}&prompt=consent");
    }

    public static async Task<IResult> CallbackAsync(string? code, string? authCode, string? state, HttpContext context, IdentityClient identity, SignInPerson signIn)
    {
        var expected = context.Request.Cookies[StateCookie]?.Split('|', 2);
        context.Response.Cookies.Delete(StateCookie, new CookieOptions { Path = "/auth/dingtalk" });
        code ??= authCode;
        if (expected is not [var expectedState, var returnUrl] || string.IsNullOrEmpty(state)
            || !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(expectedState), System.Text.Encoding.ASCII.GetBytes(state)))
        {
            return Results.Redirect(SignInPaths.Failed(SignInRefusal.InvalidCode));
        }

        if (string.IsNullOrEmpty(code))
        {
            return Results.Redirect(SignInPaths.Failed(SignInRefusal.InvalidCode));
        }

        string userId;
        try
        {
            var token = await identity.GetUserAccessTokenAsync(code, context.RequestAborted);
            var me = await identity.GetCurrentUserAsync(token.AccessToken, context.RequestAborted);
            userId = (await identity.GetUserIdByUnionIdAsync(me.UnionId, context.RequestAborted)).UserId;
        }
        catch (DingTalkException exception)
        {
            var refusal = exception.Kind switch
            {
                DingTalkErrorKind.BadRequest => SignInRefusal.NotInOrganisation,
                DingTalkErrorKind.Permission or DingTalkErrorKind.Auth => SignInRefusal.AppNotAuthorized,
                _ => SignInRefusal.DingTalkUnreachable,
            };
            return Results.Redirect(SignInPaths.Failed(refusal));
        }

        var outcome = await signIn.ExecuteAsync(userId, adminLevel: 0, context.RequestAborted);
        if (outcome.Principal is null)
        {
            return Results.Redirect(SignInPaths.Failed(outcome.Refusal!.Value));
        }

        await context.SignInAsync(PortalClaims.Scheme, outcome.Principal);
        return Results.LocalRedirect(returnUrl);
    }
}

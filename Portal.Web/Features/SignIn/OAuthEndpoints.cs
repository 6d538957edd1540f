using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Portal.DingTalk;
using Portal.DingTalk.Client;
using Portal.DingTalk.Client.Identity;
using Portal.DingTalk.Simulator;
using Portal.Web.Infrastructure.Http;

namespace Portal.Web.Features.SignIn;

/// <summary>
/// "Sign in with DingTalk" in an ordinary browser: OAuth2 with a <c>state</c> bound to this browser by a
/// short-lived cookie, then users/me → unionId → userId, then the same sign-in as inside DingTalk.
/// The address DingTalk sends the browser back to is the configured public one, never the request's Host.
/// </summary>
public static class OAuthEndpoints
{
    public const string CallbackPath = "/auth/dingtalk/callback";
    private const string StateCookie = ".portal.oauth";

    public static IResult Start(string? returnUrl, HttpContext context, PublicAddress publicAddress, IOptionsMonitor<DingTalkOptions> dingTalk, IOptionsMonitor<SignInOptions> options)
    {
        if (!string.IsNullOrEmpty(returnUrl) && !ReturnUrls.IsLocal(returnUrl))
        {
            return ReturnUrls.Invalid();
        }

        var state = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Response.Cookies.Append(StateCookie, state + "|" + ReturnUrls.OrHome(returnUrl), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = TimeSpan.FromMinutes(10),
            Path = "/auth/dingtalk",
        });
        var settings = dingTalk.CurrentValue;
        var login = settings.Mode == DingTalkMode.Simulator ? publicAddress.Of(SimulatorDefaults.LoginPath + "/oauth2/auth") : options.CurrentValue.OAuthLoginUrl;
        var callback = publicAddress.Of(CallbackPath);
        return Results.Redirect($"{login}?redirect_uri={Uri.EscapeDataString(callback)}&response_type=code&client_id={Uri.EscapeDataString(settings.AppKey)}&scope=openid&state={state}&prompt=consent");
    }

    public static async Task<IResult> CallbackAsync(string? code, string? authCode, string? state, HttpContext context, IdentityClient identity, SignInPerson signIn)
    {
        var expected = context.Request.Cookies[StateCookie]?.Split('|', 2);
        context.Response.Cookies.Delete(StateCookie, new CookieOptions { Path = "/auth/dingtalk" });
        code ??= authCode;
        if (expected is not [var expectedState, var returnUrl] || string.IsNullOrEmpty(state)
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expectedState), Encoding.ASCII.GetBytes(state)))
        {
            return Results.Redirect(SignInPaths.Failed(SignInRefusal.InvalidCode));
        }

        // Checked before the code is exchanged: a bad return address must not spend it.
        if (!ReturnUrls.IsLocal(returnUrl))
        {
            return ReturnUrls.Invalid();
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

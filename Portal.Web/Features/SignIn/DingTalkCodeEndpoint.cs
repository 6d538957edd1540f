using Microsoft.AspNetCore.Authentication;
using Portal.DingTalk.Client;
using Portal.DingTalk.Client.Identity;
using Portal.Web.Infrastructure.Http;

namespace Portal.Web.Features.SignIn;

public sealed record AuthCodeRequest(string? Code);

/// <summary>
/// <c>POST /auth/dingtalk/code</c>: the 免登 exchange. The page inside DingTalk asks the client for a
/// one-time code and posts it here; DingTalk tells us whose code it is, and we issue the session cookie.
/// </summary>
public static class DingTalkCodeEndpoint
{
    public static async Task<IResult> HandleAsync(AuthCodeRequest? request, HttpContext context, IdentityClient identity, SignInPerson signIn, ILogger<AuthCodeRequest> logger)
    {
        if (request?.Code is not { Length: > 0 and <= 128 } code)
        {
            return Problems.BadRequest("invalid-code", "An auth code is required", null, "code");
        }

        string userId;
        int adminLevel;
        try
        {
            var user = await identity.GetUserByAuthCodeAsync(code, context.RequestAborted);
            (userId, adminLevel) = (user.UserId, user.IsAdmin ? Math.Max(user.SysLevel, 1) : 0);
        }
        catch (DingTalkException exception)
        {
            var refusal = exception.Kind switch
            {
                DingTalkErrorKind.BadRequest => SignInRefusal.InvalidCode,
                DingTalkErrorKind.Permission or DingTalkErrorKind.Auth => SignInRefusal.AppNotAuthorized,
                _ => SignInRefusal.DingTalkUnreachable,
            };
            logger.LogWarning("Auth code exchange refused: {Kind} {Code}", exception.Kind, exception.Code);
            return Refuse(refusal);
        }

        var outcome = await signIn.ExecuteAsync(userId, adminLevel, context.RequestAborted);
        if (outcome.Principal is null)
        {
            return Refuse(outcome.Refusal!.Value);
        }

        await context.SignInAsync(PortalClaims.Scheme, outcome.Principal);
        return Results.Ok(new { userId, name = outcome.Principal.Identity?.Name });
    }

    public static IResult Refuse(SignInRefusal refusal) =>
        Problems.Create(refusal.Status(), refusal.Code(), "Sign-in refused");
}

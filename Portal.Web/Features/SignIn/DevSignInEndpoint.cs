using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Portal.DingTalk.Client;
using Portal.DingTalk.Client.Identity;
using Portal.DingTalk.Simulator;
using Portal.Web.Infrastructure.Http;

namespace Portal.Web.Features.SignIn;

/// <summary>
/// <c>POST /auth/dev</c> (Development + Simulator only): sign in as a person of the demo organisation.
/// The simulator issues a real 免登 code, exchanged through the client like any other.
/// </summary>
public static class DevSignInEndpoint
{
    public static async Task<IResult> HandleAsync(
        [FromForm] string? userId, [FromForm] string? returnUrl, HttpContext context, SimulatorSignIn simulator, IdentityClient identity, SignInPerson signIn)
    {
        if (!string.IsNullOrEmpty(returnUrl) && !ReturnUrls.IsLocal(returnUrl))
        {
            return ReturnUrls.Invalid();
        }

        if (string.IsNullOrEmpty(userId) || simulator.IssueCode(userId) is not { } code)
        {
            return Results.Redirect(SignInPaths.Failed(SignInRefusal.NotInOrganisation));
        }

        try
        {
            var user = await identity.GetUserByAuthCodeAsync(code, context.RequestAborted);
            var outcome = await signIn.ExecuteAsync(user.UserId, user.IsAdmin ? Math.Max(user.SysLevel, 1) : 0, context.RequestAborted);
            if (outcome.Principal is null)
            {
                return Results.Redirect(SignInPaths.Failed(outcome.Refusal!.Value));
            }

            await context.SignInAsync(PortalClaims.Scheme, outcome.Principal);
            return Results.LocalRedirect(ReturnUrls.OrHome(returnUrl));
        }
        catch (DingTalkException)
        {
            return Results.Redirect(SignInPaths.Failed(SignInRefusal.DingTalkUnreachable));
        }
    }
}

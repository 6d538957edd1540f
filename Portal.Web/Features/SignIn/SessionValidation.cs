using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Data;

namespace Portal.Web.Features.SignIn;

/// <summary>
/// A session lives only while its person is active: the cookie is re-checked against the directory
/// every <see cref="SignInOptions.RevalidateSeconds"/>, so someone who left is signed out within that.
/// </summary>
internal static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var interval = services.GetRequiredService<IOptionsMonitor<SignInOptions>>().CurrentValue.RevalidateSeconds;
        var checkedAt = long.TryParse(context.Principal?.FindFirstValue(PortalClaims.CheckedAt), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.MinValue;
        if (now - checkedAt < TimeSpan.FromSeconds(interval))
        {
            return;
        }

        if (context.Principal?.PersonId() is not { } personId || !await IsActiveAsync(services, personId, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(PortalClaims.Scheme);
            return;
        }

        var identity = (ClaimsIdentity)context.Principal.Identity!;
        identity.RemoveClaim(identity.FindFirst(PortalClaims.CheckedAt));
        identity.AddClaim(new Claim(PortalClaims.CheckedAt, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        context.ShouldRenew = true;
    }

    public static async Task<bool> IsActiveAsync(IServiceProvider services, Guid personId, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(cancellationToken);
        return await db.People.AnyAsync(p => p.Id == personId && p.Active, cancellationToken);
    }
}

using System.Security.Claims;

namespace Portal.Web.Features.SignIn;

/// <summary>What the session cookie says about the signed-in person.</summary>
public static class PortalClaims
{
    public const string Scheme = "portal";
    public const string DingTalkUserId = "dt_userid";
    public const string DingTalkUnionId = "dt_unionid";
    public const string CheckedAt = "checked_at";

    public static Guid? PersonId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(DingTalkUserId);
}

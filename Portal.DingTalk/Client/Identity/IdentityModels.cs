using System.Text.Json.Serialization;

namespace Portal.DingTalk.Client.Identity;

/// <summary>Who opened the app inside DingTalk (免登, <c>topapi/v2/user/getuserinfo</c>).</summary>
public sealed record SsoUser(
    [property: JsonPropertyName("userid")] string UserId,
    [property: JsonPropertyName("unionid")] string? UnionId,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("device_id")] string? DeviceId,
    [property: JsonPropertyName("sys")] bool IsAdmin,
    [property: JsonPropertyName("sys_level")] int SysLevel,
    [property: JsonPropertyName("associated_unionid")] string? AssociatedUnionId);

/// <summary>A person's own token from the browser OAuth2 flow (<c>/v1.0/oauth2/userAccessToken</c>).</summary>
public sealed record UserAccessToken(string AccessToken, string? RefreshToken, long ExpireIn, string? CorpId)
{
    public override string ToString() => $"UserAccessToken(corp {CorpId}, expires in {ExpireIn} s)";
}

/// <summary>The signed-in person as <c>/v1.0/contact/users/me</c> shows them.</summary>
public sealed record CurrentUser(
    string? Nick,
    string? AvatarUrl,
    string? Mobile,
    string? OpenId,
    string UnionId,
    string? Email,
    string? StateCode);

/// <summary>unionId → userId (<c>topapi/user/getbyunionid</c>); contact type 0 staff, 1 external contact.</summary>
public sealed record UnionIdUser(
    [property: JsonPropertyName("contact_type")] int ContactType,
    [property: JsonPropertyName("userid")] string UserId);

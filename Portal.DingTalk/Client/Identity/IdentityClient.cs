using System.Text.Json.Serialization;
using Portal.DingTalk.Client.Http;

namespace Portal.DingTalk.Client.Identity;

/// <summary>Signing people in: in-DingTalk auth codes, browser OAuth2, and unionId lookups (reference §2).</summary>
public sealed class IdentityClient
{
    private readonly AppTokenHttp http;

    internal IdentityClient(AppTokenHttp http) => this.http = http;

    /// <summary>Resolves a 免登 auth code (5 min, single use; a reused one is 40078) to the user.</summary>
    public Task<SsoUser> GetUserByAuthCodeAsync(string authCode, CancellationToken cancellationToken) =>
        http.SendAsync<SsoUser>(
            DingTalkCall.OapiPost(DingTalkApiNames.UserGetUserInfo, "/topapi/v2/user/getuserinfo", new AuthCodeBody(authCode)),
            cancellationToken);

    /// <summary>Exchanges the browser OAuth2 code for the person's own token.</summary>
    public Task<UserAccessToken> GetUserAccessTokenAsync(string authCode, CancellationToken cancellationToken) =>
        RequestUserTokenAsync(new UserTokenBody(http.App.AppKey, http.App.AppSecret, "authorization_code") { Code = authCode }, cancellationToken);

    public Task<UserAccessToken> RefreshUserAccessTokenAsync(string refreshToken, CancellationToken cancellationToken) =>
        RequestUserTokenAsync(new UserTokenBody(http.App.AppKey, http.App.AppSecret, "refresh_token") { RefreshToken = refreshToken }, cancellationToken);

    /// <summary>The person behind a user token (not the app token) from <see cref="GetUserAccessTokenAsync"/>.</summary>
    public Task<CurrentUser> GetCurrentUserAsync(string userAccessToken, CancellationToken cancellationToken) =>
        http.WithoutAppToken.SendAsync<CurrentUser>(
            new DingTalkCall(DingTalkApiNames.ContactUserMe, DingTalkHost.Api, HttpMethod.Get, "/v1.0/contact/users/me"),
            userAccessToken,
            cancellationToken);

    public Task<UnionIdUser> GetUserIdByUnionIdAsync(string unionId, CancellationToken cancellationToken) =>
        http.SendAsync<UnionIdUser>(
            DingTalkCall.OapiPost(DingTalkApiNames.UserGetByUnionId, "/topapi/user/getbyunionid", new UnionIdBody(unionId)),
            cancellationToken);

    private async Task<UserAccessToken> RequestUserTokenAsync(UserTokenBody body, CancellationToken cancellationToken)
    {
        var call = new DingTalkCall(DingTalkApiNames.OAuth2UserAccessToken, DingTalkHost.Api, HttpMethod.Post, "/v1.0/oauth2/userAccessToken") { Body = body };
        var token = await http.WithoutAppToken.SendAsync<UserAccessToken>(call, null, cancellationToken);
        DingTalkReplies.Required(token.AccessToken, call.Api, "accessToken");
        return token;
    }

    private sealed record AuthCodeBody([property: JsonPropertyName("code")] string Code);

    private sealed record UnionIdBody([property: JsonPropertyName("unionid")] string UnionId);

    private sealed record UserTokenBody(string ClientId, string ClientSecret, string GrantType)
    {
        public string? Code { get; init; }

        public string? RefreshToken { get; init; }

        public override string ToString() => $"UserTokenBody({GrantType})";
    }
}

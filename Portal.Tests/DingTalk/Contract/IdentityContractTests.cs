using System.Net.Http.Json;
using System.Text.Json;
using Portal.DingTalk.Client;
using Portal.DingTalk.Client.Identity;
using Portal.DingTalk.Simulator;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.DingTalk.Contract;

/// <summary><see cref="IdentityClient"/> against the simulator: both sign-in flows and the unionId lookup.</summary>
public sealed class IdentityContractTests
{
    [Fact]
    public async Task An_in_DingTalk_auth_code_names_the_person_once_and_is_then_refused_with_40078()
    {
        await using var portal = await ContractPortal.StartAsync();
        var person = await FirstPersonAsync(portal);
        var identity = portal.Get<IdentityClient>();
        var code = await AuthCodeAsync(portal, person.UserId, "sso");

        var signedIn = await identity.GetUserByAuthCodeAsync(code, default);

        Assert.Equal((person.UserId, person.UnionId), (signedIn.UserId, signedIn.UnionId));
        Assert.Equal(32, signedIn.DeviceId?.Length);
        var reused = await ContractPortal.FailsAsync(() => identity.GetUserByAuthCodeAsync(code, default), DingTalkErrorKind.BadRequest, "40078");
        Assert.Equal(12, reused.RequestId?.Length);
    }

    [Fact]
    public async Task A_browser_code_becomes_a_user_token_that_shows_the_person_and_refreshes()
    {
        await using var portal = await ContractPortal.StartAsync();
        var person = await FirstPersonAsync(portal);
        var identity = portal.Get<IdentityClient>();

        var token = await identity.GetUserAccessTokenAsync(await AuthCodeAsync(portal, person.UserId, "oauth"), default);
        var me = await identity.GetCurrentUserAsync(token.AccessToken, default);
        var refreshed = await identity.RefreshUserAccessTokenAsync(token.RefreshToken!, default);

        Assert.Equal((7200L, SimulatorDefaults.CorpId), (token.ExpireIn, token.CorpId));
        Assert.Equal((person.UnionId, person.Name, person.Mobile), (me.UnionId, me.Nick, me.Mobile));
        Assert.NotEqual(token.AccessToken, refreshed.AccessToken);
        Assert.Equal(person.UnionId, (await identity.GetCurrentUserAsync(refreshed.AccessToken, default)).UnionId);
        await ContractPortal.FailsAsync(() => identity.RefreshUserAccessTokenAsync(token.RefreshToken!, default), DingTalkErrorKind.BadRequest, "invalidRefreshToken");
        var refused = await ContractPortal.FailsAsync(() => identity.GetCurrentUserAsync("not-a-token", default), DingTalkErrorKind.Auth, "InvalidAuthentication");
        Assert.Equal(400, refused.HttpStatus);
    }

    [Fact]
    public async Task A_unionId_resolves_to_the_userId_and_an_unknown_one_is_60121()
    {
        await using var portal = await ContractPortal.StartAsync();
        var person = await FirstPersonAsync(portal);
        var identity = portal.Get<IdentityClient>();

        var found = await identity.GetUserIdByUnionIdAsync(person.UnionId, default);

        Assert.Equal((person.UserId, 0), (found.UserId, found.ContactType));
        await ContractPortal.FailsAsync(() => identity.GetUserIdByUnionIdAsync("nobodyUnionId000000000000iE", default), DingTalkErrorKind.BadRequest, "60121");
    }

    internal static async Task<Simulator.ControlPerson> FirstPersonAsync(KestrelPortal portal) =>
        (await portal.GetJsonAsync("_dingtalk/_control/users?take=1"))[0].Deserialize<Simulator.ControlPerson>(JsonSerializerOptions.Web)!;

    private static async Task<string> AuthCodeAsync(KestrelPortal portal, string userId, string kind)
    {
        using var response = await portal.Http.PostAsJsonAsync(new Uri("_dingtalk/_control/authcodes", UriKind.Relative), new { userId, kind });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }
}

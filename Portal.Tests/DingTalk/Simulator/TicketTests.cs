using System.Net;

namespace Portal.Tests.DingTalk.Simulator;

/// <summary>JSAPI tickets: one per app whichever endpoint asks, 7200 s, the same while valid, dead 24 h after creation.</summary>
public sealed class TicketTests : SimulatorTest
{
    [Fact]
    public async Task The_old_and_new_endpoints_share_one_ticket()
    {
        var token = await Host.AppTokenAsync();

        var old = await Host.GetJsonAsync($"_dingtalk/oapi/get_jsapi_ticket?access_token={token}");
        var reply = await Host.PostJsonAsync("_dingtalk/api/v1.0/oauth2/jsapiTickets", new { }, token);

        Assert.Equal(0, old.GetProperty("errcode").GetInt32());
        Assert.Equal(7200, old.GetProperty("expires_in").GetInt32());
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var @new = await SimulatorHost.ReadJsonAsync(reply);
        Assert.Equal(old.GetProperty("ticket").GetString(), @new.GetProperty("jsapiTicket").GetString());
        Assert.Equal(7200, @new.GetProperty("expireIn").GetInt32());
    }

    [Fact]
    public async Task A_ticket_kept_alive_by_requests_still_dies_24_hours_after_creation()
    {
        var first = await TicketAsync();
        for (var hour = 0; hour < 23; hour++)
        {
            Host.Time.Advance(TimeSpan.FromHours(1));
            Assert.Equal(first, await TicketAsync());
        }

        Host.Time.Advance(TimeSpan.FromHours(1));
        Assert.NotEqual(first, await TicketAsync());
    }

    [Fact]
    public async Task A_ticket_not_asked_for_in_two_hours_is_replaced()
    {
        var first = await TicketAsync();

        Host.Time.Advance(TimeSpan.FromSeconds(7199));
        Assert.Equal(first, await TicketAsync());
        Host.Time.Advance(TimeSpan.FromSeconds(7201));

        Assert.NotEqual(first, await TicketAsync());
    }

    private async Task<string> TicketAsync()
    {
        var reply = await Host.GetJsonAsync($"_dingtalk/oapi/get_jsapi_ticket?access_token={await Host.AppTokenAsync()}");
        return reply.GetProperty("ticket").GetString()!;
    }
}

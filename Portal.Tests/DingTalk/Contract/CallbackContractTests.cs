using Portal.DingTalk.Client.Callbacks;

namespace Portal.Tests.DingTalk.Contract;

/// <summary><see cref="CallbackClient"/> against the simulator; failed callbacks themselves are covered with the events.</summary>
public sealed class CallbackContractTests
{
    [Fact]
    public async Task With_nothing_failed_the_page_is_empty_and_complete()
    {
        await using var portal = await ContractPortal.StartAsync();

        var page = await portal.Get<CallbackClient>().GetFailedAsync(default);

        Assert.False(page.HasMore);
        Assert.Empty(page.Failed);
        Assert.Equal((1, 0), await portal.StatsAsync("oapi GET /call_back/get_call_back_failed_result"));
    }
}

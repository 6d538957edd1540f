using Portal.DingTalk.Stream;

namespace Portal.Tests.DingTalk.Stream;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Delay_doubles_from_one_second_up_to_the_cap()
    {
        var backoff = new ReconnectBackoff(new StreamClientOptions(), () => 0);

        var seconds = Enumerable.Range(0, 9).Select(_ => backoff.Next().TotalSeconds).ToList();

        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60], seconds);
    }

    [Fact]
    public void Jitter_adds_at_most_the_configured_amount()
    {
        var withMaxJitter = new ReconnectBackoff(new StreamClientOptions(), () => 0.999);

        var first = withMaxJitter.Next();

        Assert.InRange(first, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.True(first > TimeSpan.FromSeconds(1.9));
    }

    [Fact]
    public void Reset_starts_again_from_the_initial_delay()
    {
        var backoff = new ReconnectBackoff(new StreamClientOptions { InitialReconnectDelay = TimeSpan.FromMilliseconds(100) }, () => 0);
        backoff.Next();
        backoff.Next();

        backoff.Reset();

        Assert.Equal(TimeSpan.FromMilliseconds(100), backoff.Next());
    }

    [Fact]
    public void Many_failures_stay_at_the_cap()
    {
        var backoff = new ReconnectBackoff(new StreamClientOptions(), () => 0);

        for (var i = 0; i < 100; i++)
        {
            backoff.Next();
        }

        Assert.Equal(TimeSpan.FromSeconds(60), backoff.Next());
    }
}

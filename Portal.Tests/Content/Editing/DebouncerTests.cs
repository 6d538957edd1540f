using Portal.Tests.Infrastructure;
using Portal.Web.Features.Content.Editing;

namespace Portal.Tests.Content.Editing;

/// <summary>Autosave waits for typing to pause, then saves once.</summary>
public sealed class DebouncerTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);

    [Fact]
    public void Each_change_restarts_the_wait_and_a_pause_saves_once()
    {
        var time = TestTime.Fake();
        var saves = 0;
        using var debouncer = new Debouncer(time, Delay, () => Task.FromResult(++saves));

        debouncer.Poke();
        time.Advance(TimeSpan.FromSeconds(1.5));
        debouncer.Poke();
        time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Equal(0, saves);
        Assert.True(debouncer.Pending);

        time.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Equal(1, saves);
        Assert.False(debouncer.Pending);

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, saves);
    }

    [Fact]
    public async Task Flushing_saves_a_pending_change_at_once_and_nothing_when_there_is_none()
    {
        var time = TestTime.Fake();
        var saves = 0;
        using var debouncer = new Debouncer(time, Delay, () => Task.FromResult(++saves));

        await debouncer.FlushAsync();
        Assert.Equal(0, saves);

        debouncer.Poke();
        await debouncer.FlushAsync();
        Assert.Equal(1, saves);

        time.Advance(Delay * 2);
        Assert.Equal(1, saves);
    }
}

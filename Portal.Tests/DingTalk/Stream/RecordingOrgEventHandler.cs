using System.Collections.Concurrent;
using System.Threading.Channels;
using Portal.DingTalk.Events;

namespace Portal.Tests.DingTalk.Stream;

/// <summary>Records every event it gets; answers as <c>respond(event, callNumber)</c> says, Success by default.</summary>
internal sealed class RecordingOrgEventHandler(Func<OrgEvent, int, EventAck>? respond = null) : IOrgEventHandler
{
    private readonly Channel<OrgEvent> received = Channel.CreateUnbounded<OrgEvent>();
    private readonly ConcurrentQueue<OrgEvent> all = new();
    private int calls;

    public IReadOnlyCollection<OrgEvent> All => all;

    public Task<EventAck> HandleAsync(OrgEvent orgEvent, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref calls);
        all.Enqueue(orgEvent);
        received.Writer.TryWrite(orgEvent);
        return Task.FromResult(respond?.Invoke(orgEvent, call) ?? EventAck.Success);
    }

    public async Task<OrgEvent> NextAsync() => await received.Reader.ReadAsync().AsTask().WaitAsync(StreamTestTimeouts.Wait);
}

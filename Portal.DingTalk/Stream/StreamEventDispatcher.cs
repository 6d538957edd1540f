using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.DingTalk.Events;

namespace Portal.DingTalk.Stream;

/// <summary>Turns an EVENT frame into an <see cref="OrgEvent"/> and hands it to every handler, in a DI scope per event.</summary>
internal sealed class StreamEventDispatcher(IServiceScopeFactory scopes, ILogger logger)
{
    public async Task<EventAck> DispatchAsync(StreamFrame frame, CancellationToken cancellationToken)
    {
        OrgEvent orgEvent;
        try
        {
            orgEvent = OrgEventParser.Parse(frame.Data, EnvelopeOf(frame));
        }
        catch (FormatException exception)
        {
            // Redelivering a body we cannot read would only repeat the failure.
            StreamClientLog.UnreadableEvent(logger, exception, frame.MessageId, frame.Header(StreamHeaders.EventType));
            return EventAck.Success;
        }

        await using var scope = scopes.CreateAsyncScope();
        var ack = EventAck.Success;
        foreach (var handler in scope.ServiceProvider.GetServices<IOrgEventHandler>())
        {
            try
            {
                if (await handler.HandleAsync(orgEvent, cancellationToken) == EventAck.Later)
                {
                    ack = EventAck.Later;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Any handler failure asks DingTalk to deliver again; handlers are idempotent by contract.
                StreamClientLog.HandlerFailed(logger, exception, handler.GetType().Name, frame.MessageId, orgEvent.Type);
                ack = EventAck.Later;
            }
        }

        return ack;
    }

    private static OrgEventEnvelope EnvelopeOf(StreamFrame frame) => new(
        frame.Header(StreamHeaders.EventType),
        frame.Header(StreamHeaders.EventCorpId),
        frame.Header(StreamHeaders.EventId),
        OrgEventParser.ParseTime(frame.Header(StreamHeaders.EventBornTime)));
}

namespace Portal.DingTalk.Events;

/// <summary>
/// Receives org events. The same event can arrive again (after <see cref="EventAck.Later"/>, a lost
/// ack or a reconnect), so handling must be idempotent.
/// </summary>
public interface IOrgEventHandler
{
    Task<EventAck> HandleAsync(OrgEvent orgEvent, CancellationToken cancellationToken);
}

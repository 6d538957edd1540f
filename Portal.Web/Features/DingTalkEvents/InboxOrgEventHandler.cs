using Portal.DingTalk.Events;

namespace Portal.Web.Features.DingTalkEvents;

/// <summary>Stream events go to the same inbox as HTTP callbacks, so each is applied once whichever way it came.</summary>
internal sealed class InboxOrgEventHandler(RecordDingTalkEvent record) : IOrgEventHandler
{
    public async Task<EventAck> HandleAsync(OrgEvent orgEvent, CancellationToken cancellationToken)
    {
        await record.ExecuteAsync(orgEvent.Type, orgEvent.RawJson, "stream", cancellationToken, orgEvent.EventId);
        return EventAck.Success;
    }
}

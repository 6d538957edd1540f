using Portal.Domain.Outbox;
using Portal.Web.Features.Outbox;

namespace Portal.Web.Features.Content.Delivery;

/// <summary>Delivery's outbox messages carry the id of the notification call they are about.</summary>
internal static class OutboxPayload
{
    public static Guid Id(OutboxMessage message) =>
        Guid.TryParse(message.Payload, out var id) ? id : throw new PermanentDeliveryException($"Payload '{message.Payload}' is not a call id.");
}

using Portal.Domain.Outbox;

namespace Portal.Web.Features.Outbox;

/// <summary>Delivers one kind of outbox message. Throwing means "try again later"; <see cref="PermanentDeliveryException"/> means "never".</summary>
public interface IOutboxHandler
{
    string Kind { get; }

    /// <remarks>
    /// A crash after delivery but before the relay records it means the message comes again; receivers
    /// see the same <see cref="OutboxMessage.IdempotencyKey"/> and must treat it as a duplicate.
    /// </remarks>
    Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken);
}

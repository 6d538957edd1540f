using System.Text.Json;
using Portal.Domain.Outbox;
using Portal.Web.Features.Outbox;

namespace Portal.Web.Features.Todos.Delivery;

/// <summary>Reads a to-do outbox message's payload; one that cannot be read never will be.</summary>
internal static class TodoOutboxPayload
{
    public static T Read<T>(OutboxMessage message)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(message.Payload) ?? throw new PermanentDeliveryException($"Payload of {message.Kind} is empty.");
        }
        catch (JsonException error)
        {
            throw new PermanentDeliveryException($"Payload of {message.Kind} is not readable: {error.Message}", error);
        }
    }
}

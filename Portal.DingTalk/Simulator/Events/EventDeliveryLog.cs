using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.DingTalk.Simulator.Events;

/// <summary>Where an event's HTTP callback stands.</summary>
[JsonConverter(typeof(CallbackStatusJson))]
internal enum CallbackStatus
{
    Queued,
    Delivered,
    Retrying,
    Failed,

    /// <summary>No callback URL: the event goes over Stream only.</summary>
    Off,
}

/// <summary>Written as the control API writes its other switches: <c>"delivered"</c>, <c>"retrying"</c>, ….</summary>
internal sealed class CallbackStatusJson() : JsonStringEnumConverter<CallbackStatus>(JsonNamingPolicy.CamelCase);

/// <summary>One event as the control API shows it: what was pushed and how each channel took it.</summary>
internal sealed record EventDeliveryView(
    string EventId,
    string EventType,
    IReadOnlyList<string> UserIds,
    IReadOnlyList<long> DeptIds,
    DateTimeOffset OccurredAt,
    CallbackStatus Callback,
    int CallbackAttempts,
    string? CallbackError,
    int StreamClients,
    bool StreamAcknowledged);

/// <summary>The most recent events and their delivery, so a developer (or a test) can see what went out.</summary>
internal sealed class EventDeliveryLog
{
    private const int Capacity = 200;

    private readonly Lock gate = new();
    private readonly LinkedList<EventDeliveryView> recent = new();

    public void Queued(SimulatedOrgEvent orgEvent)
    {
        lock (gate)
        {
            recent.AddFirst(new EventDeliveryView(
                orgEvent.EventId, orgEvent.EventType, orgEvent.UserIds, orgEvent.DeptIds, orgEvent.OccurredAt, CallbackStatus.Queued, 0, null, 0, false));
            if (recent.Count > Capacity)
            {
                recent.RemoveLast();
            }
        }
    }

    public void CallbackAttempted(string eventId, CallbackStatus status, string? error) =>
        Update(eventId, view => view with { Callback = status, CallbackAttempts = view.CallbackAttempts + 1, CallbackError = error });

    public void CallbackOff(string eventId) => Update(eventId, view => view with { Callback = CallbackStatus.Off });

    public void Streamed(string eventId, int clients, bool acknowledged) =>
        Update(eventId, view => view with { StreamClients = clients, StreamAcknowledged = acknowledged });

    /// <summary>Newest first.</summary>
    public IReadOnlyList<EventDeliveryView> Snapshot()
    {
        lock (gate)
        {
            return [.. recent];
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            recent.Clear();
        }
    }

    /// <summary>An event that was reset away or aged out is not brought back by its late outcome.</summary>
    private void Update(string eventId, Func<EventDeliveryView, EventDeliveryView> change)
    {
        lock (gate)
        {
            for (var node = recent.First; node is not null; node = node.Next)
            {
                if (node.Value.EventId == eventId)
                {
                    node.Value = change(node.Value);
                    return;
                }
            }
        }
    }
}

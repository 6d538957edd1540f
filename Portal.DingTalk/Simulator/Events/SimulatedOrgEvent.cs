namespace Portal.DingTalk.Simulator.Events;

/// <summary>An org change the simulated DingTalk pushes to the app, over HTTP callback and Stream alike.</summary>
internal sealed record SimulatedOrgEvent(
    string EventId,
    string EventType,
    IReadOnlyList<string> UserIds,
    IReadOnlyList<long> DeptIds,
    DateTimeOffset OccurredAt);

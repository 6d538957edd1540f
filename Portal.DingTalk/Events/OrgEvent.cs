namespace Portal.DingTalk.Events;

/// <summary>
/// An org event from either channel (HTTP callback or Stream). Events are triggers: the ids say what
/// changed, and the portal re-reads the current state through the contacts API.
/// </summary>
public sealed record OrgEvent
{
    /// <summary>The wire name as received (e.g. <c>user_add_org</c>), kept even when the kind is unknown.</summary>
    public required string Type { get; init; }

    public required OrgEventKind Kind { get; init; }

    public IReadOnlyList<string> UserIds { get; init; } = [];

    public IReadOnlyList<long> DeptIds { get; init; } = [];

    public string? CorpId { get; init; }

    public string? EventId { get; init; }

    /// <summary>When DingTalk says the event happened, in UTC; <c>null</c> when the payload carries no time.</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>The event body exactly as received.</summary>
    public required string RawJson { get; init; }
}

namespace Portal.DingTalk.Events;

/// <summary>
/// What the channel says about an event outside its body, e.g. the Stream frame headers. The Stream
/// body carries only ids, so type, corp and event id come from here; where both say something, the
/// envelope wins.
/// </summary>
public sealed record OrgEventEnvelope(string? EventType, string? CorpId = null, string? EventId = null, DateTimeOffset? OccurredAt = null);

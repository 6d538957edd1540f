using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.DingTalk.Client.Callbacks;

/// <summary>Events DingTalk gave up pushing after its 10 s and 30 s retries; at most 200 per page.</summary>
public sealed record FailedCallbackPage([property: JsonPropertyName("has_more")] bool HasMore)
{
    [JsonPropertyName("failed_list")]
    public IReadOnlyList<FailedCallback> Failed { get; init; } = [];
}

/// <summary>One failed event; its data sits under a property named after its tag.</summary>
public sealed record FailedCallback([property: JsonPropertyName("call_back_tag")] string Tag)
{
    [JsonPropertyName("event_time")]
    public long? EventTime { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement> Data { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The event's own data (<c>{"call_back_tag":"user_add_org","user_add_org":{…}}</c>), if present.</summary>
    [JsonIgnore]
    public JsonElement? Payload => Data.TryGetValue(Tag, out var payload) ? payload : null;
}

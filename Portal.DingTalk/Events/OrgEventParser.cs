using System.Globalization;
using System.Text.Json;

namespace Portal.DingTalk.Events;

/// <summary>
/// Reads org event bodies of every channel: legacy HTTP (<c>CorpId, EventType, UserId[], TimeStamp</c>),
/// current HTTP (<c>EventType, EventTime, userId[]/deptId[]</c>) and Stream data (<c>userId[], timeStamp</c>
/// with the type in the frame headers). Keys are case-insensitive; ids may be an array or a single
/// value; times may be a string or a number.
/// </summary>
public static class OrgEventParser
{
    // Below this a number is a Unix time in seconds: 1e11 ms is 1973, 1e11 s is the year 5138.
    private const long SecondsThreshold = 100_000_000_000;

    /// <summary>Parses an HTTP callback body, which names its own event type.</summary>
    /// <exception cref="FormatException">The body is not a JSON object.</exception>
    public static OrgEvent Parse(string json) => Parse(json, envelope: null);

    /// <summary>Parses an event body, taking type, corp, id and time from the envelope where it has them.</summary>
    /// <exception cref="FormatException">The body is not a JSON object.</exception>
    public static OrgEvent Parse(string json, OrgEventEnvelope? envelope)
    {
        using var document = ReadObject(json);
        var fields = IndexFields(document.RootElement);

        var type = FirstNonEmpty(envelope?.EventType, ReadString(fields, "EventType")) ?? "";
        return new OrgEvent
        {
            Type = type,
            Kind = OrgEventTypes.ToKind(type),
            UserIds = ReadStrings(fields, "UserId"),
            DeptIds = ReadNumbers(fields, "DeptId"),
            CorpId = FirstNonEmpty(envelope?.CorpId, ReadString(fields, "CorpId")),
            EventId = FirstNonEmpty(envelope?.EventId, ReadString(fields, "EventId")),
            OccurredAt = envelope?.OccurredAt ?? ReadTime(fields, "TimeStamp") ?? ReadTime(fields, "EventTime"),
            RawJson = json,
        };
    }

    /// <summary>Reads a DingTalk time (Unix milliseconds or seconds, as a string or number) as UTC.</summary>
    public static DateTimeOffset? ParseTime(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return FromUnix(number);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUniversalTime()
            : null;
    }

    private static JsonDocument ReadObject(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new FormatException("The org event body is not valid JSON.", exception);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new FormatException("The org event body is not a JSON object.");
        }

        return document;
    }

    private static Dictionary<string, JsonElement> IndexFields(JsonElement root)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in root.EnumerateObject())
        {
            fields.TryAdd(property.Name, property.Value);
        }

        return fields;
    }

    private static string? FirstNonEmpty(string? preferred, string? fallback) =>
        string.IsNullOrWhiteSpace(preferred) ? (string.IsNullOrWhiteSpace(fallback) ? null : fallback) : preferred;

    private static string? ReadString(Dictionary<string, JsonElement> fields, string name) =>
        fields.TryGetValue(name, out var value) ? Scalar(value) : null;

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    private static JsonElement[] Items(Dictionary<string, JsonElement> fields, string name)
    {
        if (!fields.TryGetValue(name, out var value))
        {
            return [];
        }

        return value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [value];
    }

    private static string[] ReadStrings(Dictionary<string, JsonElement> fields, string name) =>
        [.. Items(fields, name).Select(Scalar).OfType<string>().Where(id => id.Length > 0).Distinct(StringComparer.Ordinal)];

    private static long[] ReadNumbers(Dictionary<string, JsonElement> fields, string name) =>
        [.. Items(fields, name)
            .Select(Scalar)
            .Select(text => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : (long?)null)
            .OfType<long>()
            .Distinct()];

    private static DateTimeOffset? ReadTime(Dictionary<string, JsonElement> fields, string name) =>
        fields.TryGetValue(name, out var value) ? ParseTime(Scalar(value)) : null;

    private static DateTimeOffset? FromUnix(long value)
    {
        try
        {
            return value < SecondsThreshold ? DateTimeOffset.FromUnixTimeSeconds(value) : DateTimeOffset.FromUnixTimeMilliseconds(value);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}

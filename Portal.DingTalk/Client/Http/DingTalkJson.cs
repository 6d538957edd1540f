using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.DingTalk.Client.Http;

internal static class DingTalkJson
{
    /// <summary>oapi models name every property explicitly; snake_case is only the fallback.</summary>
    public static JsonSerializerOptions Oapi { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static JsonSerializerOptions Api { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static JsonSerializerOptions For(DingTalkHost host) => host == DingTalkHost.Oapi ? Oapi : Api;
}

/// <summary>oapi takes several id lists as one comma-separated string (<c>"u1,u2"</c>) but answers with arrays.</summary>
internal sealed class CommaSeparatedStringsConverter : JsonConverter<IReadOnlyList<string>>
{
    public override IReadOnlyList<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? (reader.GetString() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : JsonSerializer.Deserialize<string[]>(ref reader, options);

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options) =>
        writer.WriteStringValue(string.Join(',', value));
}

internal sealed class CommaSeparatedNumbersConverter : JsonConverter<IReadOnlyList<long>>
{
    public override IReadOnlyList<long>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? (reader.GetString() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(part => long.Parse(part, System.Globalization.CultureInfo.InvariantCulture)).ToArray()
            : JsonSerializer.Deserialize<long[]>(ref reader, options);

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<long> value, JsonSerializerOptions options) =>
        writer.WriteStringValue(string.Join(',', value.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
}

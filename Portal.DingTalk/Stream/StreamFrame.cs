namespace Portal.DingTalk.Stream;

/// <summary>
/// A frame the Stream gateway pushes: <c>{specVersion, type, headers, data}</c>, where <c>data</c>
/// is itself a JSON document carried as a string.
/// </summary>
public sealed class StreamFrame
{
    public string SpecVersion { get; init; } = "1.0";

    /// <summary>One of <see cref="StreamFrameTypes"/>.</summary>
    public required string Type { get; init; }

    /// <summary>Header values by name, case-insensitive.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public string Data { get; init; } = "";

    public string? MessageId => Header(StreamHeaders.MessageId);

    public string? Topic => Header(StreamHeaders.Topic);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <exception cref="FormatException">The text is not a JSON object.</exception>
    public static StreamFrame Parse(string json)
    {
        using var document = StreamJson.ParseObject(json, "frame");
        var root = document.RootElement;
        return new StreamFrame
        {
            SpecVersion = StreamJson.Text(StreamJson.Field(root, "specVersion")) ?? "1.0",
            Type = StreamJson.Text(StreamJson.Field(root, "type")) ?? "",
            Headers = StreamJson.Headers(StreamJson.Field(root, "headers")),
            Data = StreamJson.Text(StreamJson.Field(root, "data")) ?? "",
        };
    }

    public string ToJson() => StreamJson.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("specVersion", SpecVersion);
        writer.WriteString("type", Type);
        StreamJson.WriteHeaders(writer, Headers);
        writer.WriteString("data", Data);
        writer.WriteEndObject();
    });
}

using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Portal.DingTalk.Stream;

/// <summary>Lenient reading and compact writing shared by frames and acks.</summary>
internal static class StreamJson
{
    // Frames carry Chinese text and are never embedded in HTML, so there is no reason to \u-escape it.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonDocument ParseObject(string json, string what)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new FormatException($"The Stream {what} is not valid JSON.", exception);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new FormatException($"The Stream {what} is not a JSON object.");
        }

        return document;
    }

    public static JsonElement? Field(JsonElement parent, string name)
    {
        foreach (var property in parent.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    /// <summary>A value as text: strings unquoted, anything else (numbers, embedded objects) as raw JSON.</summary>
    public static string? Text(JsonElement? value) => value?.ValueKind switch
    {
        null or JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.Value.GetString(),
        _ => value.Value.GetRawText(),
    };

    public static Dictionary<string, string> Headers(JsonElement? value)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (value is { ValueKind: JsonValueKind.Object } element)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (Text(property.Value) is { } text)
                {
                    headers.TryAdd(property.Name, text);
                }
            }
        }

        return headers;
    }

    public static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void WriteHeaders(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> headers)
    {
        writer.WriteStartObject("headers");
        foreach (var (name, value) in headers)
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
    }
}

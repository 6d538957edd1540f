using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Portal.DingTalk.Simulator.Http;

/// <summary>JSON as DingTalk writes it: Chinese unescaped, empty optional fields left out.</summary>
internal static class WireJson
{
    public static readonly JsonSerializerOptions Oapi = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static readonly JsonSerializerOptions Api = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Adds the field only when it has a value, as DingTalk omits empty optionals.</summary>
    public static JsonObject Optional(this JsonObject target, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            target[name] = value;
        }

        return target;
    }

    public static JsonObject Optional(this JsonObject target, string name, long? value)
    {
        if (value is { } number)
        {
            target[name] = number;
        }

        return target;
    }

    public static JsonObject Optional(this JsonObject target, string name, JsonArray value)
    {
        if (value.Count > 0)
        {
            target[name] = value;
        }

        return target;
    }
}

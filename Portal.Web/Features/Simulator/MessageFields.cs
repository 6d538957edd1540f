using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Web.Features.Simulator;

/// <summary>Reads a work notification's JSON leniently: DingTalk accepts numbers where text is documented.</summary>
public static class MessageFields
{
    public static string? Text(JsonNode? content, string name) => content?[name] switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.ToJsonString(),
        _ => null,
    };

    public static JsonObject? Part(JsonNode? content, string name) => content?[name] as JsonObject;

    public static IEnumerable<JsonObject> Objects(JsonNode? content, string name) =>
        content?[name] is JsonArray items ? items.OfType<JsonObject>() : [];

    /// <summary>DingTalk's colours are <c>AARRGGBB</c> (or <c>RRGGBB</c>) hex; CSS wants <c>#RRGGBBAA</c>.</summary>
    public static string? CssColor(string? argb)
    {
        if (argb is null || !argb.All(Uri.IsHexDigit))
        {
            return null;
        }

        return argb.Length switch
        {
            8 => "#" + argb[2..] + argb[..2],
            6 => "#" + argb,
            _ => null,
        };
    }
}

using System.Text.Json;

namespace Portal.Web.Features.Todos.Delivery;

/// <summary>Reads a to-do's stored form fields and actions; rows that do not fit the shape are left out rather than failing the send.</summary>
internal static class TodoCardJson
{
    public static IReadOnlyList<(string Key, string Label)> Actions(string json) =>
        Rows(json, "key", "label").Where(r => r.Item1.Length > 0).Select(r => (r.Item1, r.Item2.Length > 0 ? r.Item2 : r.Item1)).ToList();

    public static IReadOnlyList<(string Key, string Value)> FormFields(string json) =>
        Rows(json, "key", "value").Where(r => r.Item1.Length > 0).ToList();

    private static IEnumerable<(string, string)> Rows(string json, string first, string second)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(json).RootElement;
        }
        catch (JsonException)
        {
            yield break;
        }

        if (root.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var row in root.EnumerateArray())
        {
            if (row.ValueKind == JsonValueKind.Object)
            {
                yield return (Text(row, first), Text(row, second));
            }
        }
    }

    private static string Text(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.ToString() : "";
}

using System.Text.Json;

namespace Portal.Web.Features.Todos;

/// <summary>One row shown on a to-do's card.</summary>
public sealed record TodoField(string Key, string Value);

/// <summary>A decision an assignee may take.</summary>
public sealed record TodoAction(string Key, string Label, bool RequiresComment);

/// <summary>
/// Reads the form fields and actions a client stored as JSON. The API validated them on the way in;
/// a row that still does not parse is left out rather than breaking the page.
/// </summary>
public static class TodoCard
{
    private sealed record RawField(string? Key, JsonElement Value);

    private sealed record RawAction(string? Key, string? Label, bool? RequiresComment);

    public static IReadOnlyList<TodoField> Fields(string json) =>
        [.. Parse<RawField>(json).Where(f => !string.IsNullOrEmpty(f.Key)).Select(f => new TodoField(f.Key!, Text(f.Value)))];

    public static IReadOnlyList<TodoAction> Actions(string json) =>
        [.. Parse<RawAction>(json).Where(a => !string.IsNullOrEmpty(a.Key)).Select(a => new TodoAction(a.Key!, string.IsNullOrEmpty(a.Label) ? a.Key! : a.Label, a.RequiresComment ?? false))];

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Undefined or JsonValueKind.Null => "",
        _ => value.GetRawText(),
    };

    private static List<T> Parse<T>(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<T?>>(json, JsonSerializerOptions.Web) is { } rows ? [.. rows.OfType<T>()] : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}

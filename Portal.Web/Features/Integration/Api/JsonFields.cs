using System.Text.Json;

namespace Portal.Web.Features.Integration.Api;

/// <summary>Reads the fields of one JSON object, recording a wrong type or a missing value by its JSON path.</summary>
public sealed class JsonFields(JsonElement element, string prefix, RequestErrors errors)
{
    public const int MaxListItems = 1000;

    public string PathOf(string name) => prefix.Length == 0 ? name : prefix + "." + name;

    public bool Has(string name) => element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public string? Text(string name, bool required)
    {
        if (!Present(name, required, out var value))
        {
            return null;
        }

        return ReadString(value) ?? WrongType<string>(name, "a string of valid Unicode text without NUL characters");
    }

    public bool? Bool(string name, bool required)
    {
        if (!Present(name, required, out var value))
        {
            return null;
        }

        return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : WrongType<bool?>(name, "true or false");
    }

    /// <summary>An optional time (see <see cref="ApiTime"/>); <paramref name="shapeCode"/> names an unreadable one.</summary>
    public DateTime? Time(string name, DateTime now, string shapeCode)
    {
        if (!Present(name, required: false, out var value))
        {
            return null;
        }

        if (ReadString(value) is not { } text || !ApiTime.TryParse(text, out var time))
        {
            errors.Add(PathOf(name), shapeCode, $"{PathOf(name)} must be an ISO 8601 date and time with its offset, such as {ApiTime.Example}.");
            return null;
        }

        if (!ApiTime.InRange(time, now))
        {
            errors.Add(PathOf(name), "date-out-of-range", $"{PathOf(name)} must lie between {ApiTime.Earliest:yyyy-MM-dd} and ten years from now.");
            return null;
        }

        return time;
    }

    public JsonFields? Child(string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object ? new JsonFields(value, PathOf(name), errors) : WrongType<JsonFields>(name, "an object");
    }

    /// <summary>An optional array of positive integer ids.</summary>
    public List<long> Ids(string name, string itemType) =>
        List(name, item => item.ValueKind == JsonValueKind.Number && item.TryGetInt64(out var id) && id > 0, item => item.GetInt64(), itemType);

    /// <summary>An optional array of non-empty strings, trimmed.</summary>
    public List<string> Strings(string name, string itemType) =>
        List(name, item => ReadString(item)?.Trim().Length > 0, item => ReadString(item)!.Trim(), itemType);

    /// <summary>
    /// The string, or null for another kind of value, for text that is not valid Unicode (a lone
    /// surrogate) and for text with a NUL character, which PostgreSQL cannot store or compare.
    /// </summary>
    private static string? ReadString(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            var text = value.GetString();
            return text is not null && text.Contains('\0', StringComparison.Ordinal) ? null : text;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private List<T> List<T>(string name, Func<JsonElement, bool> accepts, Func<JsonElement, T> read, string itemType)
    {
        if (!Present(name, required: false, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            WrongType<object>(name, "an array");
            return [];
        }

        if (value.GetArrayLength() > MaxListItems)
        {
            errors.Add(PathOf(name), "too-many", $"{PathOf(name)} may list at most {MaxListItems} entries.");
            return [];
        }

        var items = new List<T>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (accepts(item))
            {
                items.Add(read(item));
            }
            else
            {
                errors.Add($"{PathOf(name)}[{index}]", "wrong-type", $"{PathOf(name)}[{index}] must be {itemType}.");
            }

            index++;
        }

        return items;
    }

    private bool Present(string name, bool required, out JsonElement value)
    {
        if (element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (required)
        {
            errors.Add(PathOf(name), "required", $"{PathOf(name)} is required.");
        }

        return false;
    }

    private T? WrongType<T>(string name, string expected)
    {
        errors.Add(PathOf(name), "wrong-type", $"{PathOf(name)} must be {expected}.");
        return default;
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Portal.Domain.Todos;
using Portal.Web.Features.Integration.Api;

namespace Portal.Web.Features.Integration.Todos;

/// <summary>
/// Turns one to-do object into a <see cref="TodoRequest"/>, or into errors naming each offending field
/// by its JSON path. Never throws on what a caller sends.
/// </summary>
public static class TodoRequestReader
{
    public const int MaxAssignees = 200;
    public const int MaxFormFields = 50;
    public const int MaxActions = 10;
    public const int MaxKey = 64;
    public const int MaxLabel = 40;
    public const int MaxFieldValue = 1000;

    private static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// SHA-256 of the request as read: the same to-do sent with other spacing or key order hashes the
    /// same, so a resend changes nothing.
    /// </summary>
    public static string Hash(TodoRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request, Canonical))));

    public static string ToJson<T>(IReadOnlyList<T> rows) => JsonSerializer.Serialize(rows, Canonical);

    public static TodoRequest? Read(JsonElement element, string prefix, DateTime now, RequestErrors errors)
    {
        var fields = new JsonFields(element, prefix, errors);
        var before = errors.Count;
        var title = Text(fields, "title", Todo.MaxTitleLength, required: true, errors);
        var description = Text(fields, "description", Todo.MaxDescriptionLength, required: false, errors);
        var assignees = Assignees(element, fields.PathOf("assignees"), errors);
        var due = fields.Time("due", now, "bad-date");
        var priority = Priority(element, fields.PathOf("priority"), errors);
        var (mobile, pc) = DetailUrl(fields, errors);
        var formFields = Rows(element, fields.PathOf("formFields"), MaxFormFields, errors, ReadField);
        var actions = Rows(element, fields.PathOf("actions"), MaxActions, errors, ReadAction);
        var status = Status(fields, errors);
        if (actions is { Count: 0 })
        {
            errors.Add(fields.PathOf("actions"), "required", "List at least one action, e.g. {\"key\": \"approve\", \"label\": \"同意\"}.");
        }

        if (actions is not null)
        {
            UniqueKeys(actions.Select(a => a.Key).ToList(), fields.PathOf("actions"), errors);
        }

        if (errors.Count > before || title is null || assignees is null || formFields is null || actions is null || status is null)
        {
            return null;
        }

        return new TodoRequest(title, description, assignees, due, priority ?? 20, mobile, pc, formFields, actions, status.Value);
    }

    private static string? Text(JsonFields fields, string name, int maxLength, bool required, RequestErrors errors)
    {
        var text = fields.Text(name, required)?.Trim();
        if (text is null)
        {
            return null;
        }

        if (text.Length == 0)
        {
            if (required)
            {
                errors.Add(fields.PathOf(name), "required", $"{fields.PathOf(name)} must not be empty.");
            }

            return null;
        }

        if (text.Length > maxLength)
        {
            errors.Add(fields.PathOf(name), "too-long", $"{fields.PathOf(name)} may be at most {maxLength} characters; it has {text.Length}.");
            return null;
        }

        return text;
    }

    private static List<AssigneeRef>? Assignees(JsonElement element, string path, RequestErrors errors)
    {
        var rows = Rows(element, path, MaxAssignees, errors, ReadAssignee);
        if (rows is { Count: 0 })
        {
            errors.Add(path, "required", "Name at least one assignee by userId, mobile or jobNumber.");
            return null;
        }

        return rows;
    }

    private static AssigneeRef? ReadAssignee(JsonFields item, RequestErrors errors)
    {
        string[] kinds = ["userId", "mobile", "jobNumber"];
        var present = kinds.Where(item.Has).ToList();
        if (present.Count != 1)
        {
            errors.Add(item.PathOf("").TrimEnd('.'), "invalid-assignee", "Each assignee is an object with exactly one of userId, mobile or jobNumber.");
            return null;
        }

        var value = Text(item, present[0], 64, required: true, errors);
        return value is null ? null : new AssigneeRef(present[0], value);
    }

    private static TodoField? ReadField(JsonFields item, RequestErrors errors)
    {
        var key = Text(item, "key", MaxKey, required: true, errors);
        var value = item.Text("value", required: true);
        if (value is { Length: > MaxFieldValue })
        {
            errors.Add(item.PathOf("value"), "too-long", $"{item.PathOf("value")} may be at most {MaxFieldValue} characters.");
            return null;
        }

        return key is null || value is null ? null : new TodoField(key, value);
    }

    private static TodoAction? ReadAction(JsonFields item, RequestErrors errors)
    {
        var key = Text(item, "key", MaxKey, required: true, errors);
        var label = Text(item, "label", MaxLabel, required: true, errors);
        var requiresComment = item.Bool("requiresComment", required: false) ?? false;
        return key is null || label is null ? null : new TodoAction(key, label, requiresComment);
    }

    /// <summary>An optional array of objects (absent: empty), each read by <paramref name="read"/> under its index.</summary>
    private static List<T>? Rows<T>(JsonElement element, string path, int max, RequestErrors errors, Func<JsonFields, RequestErrors, T?> read)
        where T : class
    {
        if (!element.TryGetProperty(Last(path), out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(path, "wrong-type", $"{path} must be an array.");
            return null;
        }

        if (value.GetArrayLength() > max)
        {
            errors.Add(path, "too-many", $"{path} may list at most {max} entries.");
            return null;
        }

        var rows = new List<T>();
        var before = errors.Count;
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = $"{path}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(itemPath, "wrong-type", $"{itemPath} must be an object.");
                continue;
            }

            if (read(new JsonFields(item, itemPath, errors), errors) is { } row)
            {
                rows.Add(row);
            }
        }

        return errors.Count > before ? null : rows;
    }

    private static string Last(string path) => path[(path.LastIndexOf('.') + 1)..];

    private static void UniqueKeys(List<string> keys, string path, RequestErrors errors)
    {
        for (var index = 0; index < keys.Count; index++)
        {
            if (keys.IndexOf(keys[index]) != index)
            {
                errors.Add($"{path}[{index}].key", "duplicate-key", $"The action key \"{keys[index]}\" is listed twice.");
            }
        }
    }

    private static int? Priority(JsonElement element, string path, RequestErrors errors)
    {
        if (!element.TryGetProperty(Last(path), out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var priority) && priority is 10 or 20 or 30 or 40)
        {
            return priority;
        }

        errors.Add(path, "bad-priority", $"{path} must be 10 (low), 20 (normal), 30 (urgent) or 40 (very urgent).");
        return null;
    }

    private static (string? Mobile, string? Pc) DetailUrl(JsonFields fields, RequestErrors errors)
    {
        var detail = fields.Child("detailUrl");
        return detail is null ? (null, null) : (Url(detail, "mobile", errors), Url(detail, "pc", errors));
    }

    private static string? Url(JsonFields fields, string name, RequestErrors errors)
    {
        var text = Text(fields, name, Todo.MaxUrlLength, required: false, errors);
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return text;
        }

        errors.Add(fields.PathOf(name), "bad-url", $"{fields.PathOf(name)} must be an absolute http or https address.");
        return null;
    }

    private static TodoStatus? Status(JsonFields fields, RequestErrors errors)
    {
        var status = fields.Text("status", required: false);
        switch (status)
        {
            case null or "pending":
                return TodoStatus.Pending;
            case "done":
                return TodoStatus.Done;
            case "cancelled":
                return TodoStatus.Cancelled;
            default:
                errors.Add(fields.PathOf("status"), "bad-status", $"{fields.PathOf("status")} must be pending, done or cancelled.");
                return null;
        }
    }
}

using System.Text.Json;

namespace Portal.Web.Features.Integration.Api;

/// <summary>
/// A request body as one JSON object, read strictly: valid UTF-8, at most 16 levels deep, and no
/// property named twice in one object (which readers disagree on: the first or the last would win).
/// </summary>
public static class JsonBody
{
    private static readonly JsonDocumentOptions Strict = new() { MaxDepth = 16, AllowDuplicateProperties = false };
    private static readonly JsonDocumentOptions Lenient = new() { MaxDepth = 16 };

    /// <summary>The body parsed as a JSON object, or null with the error recorded.</summary>
    public static JsonDocument? ParseObject(byte[] body, RequestErrors errors)
    {
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            errors.Add("$", "malformed-json", "The body is not valid UTF-8.");
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Strict);
        }
        catch (JsonException)
        {
            if (IsJson(body))
            {
                errors.Add("$", "duplicate-property", "An object names the same property twice; send each property once.");
            }
            else
            {
                errors.Add("$", "malformed-json", "The body is not valid JSON.");
            }

            return null;
        }

        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            return document;
        }

        document.Dispose();
        errors.Add("$", "malformed-json", "The body must be a JSON object.");
        return null;
    }

    private static bool IsJson(byte[] body)
    {
        try
        {
            using var lenient = JsonDocument.Parse(body, Lenient);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

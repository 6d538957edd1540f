using System.Text.Json;

namespace Portal.Web.Features.DingTalkEvents;

/// <summary>Reads the callback body defensively: size-capped, and any malformed JSON is just "no encrypt".</summary>
public sealed record CallbackRequest(string? Encrypt, bool TooLarge)
{
    public static async Task<CallbackRequest> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return new CallbackRequest(null, TooLarge: true);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return new CallbackRequest(null, TooLarge: true);
            }
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("encrypt", out var encrypt)
                && encrypt.ValueKind == JsonValueKind.String
                ? new CallbackRequest(encrypt.GetString(), TooLarge: false)
                : new CallbackRequest(null, TooLarge: false);
        }
        catch (JsonException)
        {
            return new CallbackRequest(null, TooLarge: false);
        }
    }

    /// <summary>The event type, whichever casing the channel used (EventType or eventType).</summary>
    public static string? EventType(string message)
    {
        try
        {
            using var document = JsonDocument.Parse(message);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name.Equals("EventType", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
                {
                    return property.Value.GetString();
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

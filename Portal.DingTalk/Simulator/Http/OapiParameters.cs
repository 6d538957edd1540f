using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Portal.DingTalk.Simulator.Http;

/// <summary>
/// An oapi call's parameters gathered from the query string, a form body and a JSON body (the body
/// wins), read leniently as DingTalk does: <c>"1"</c> and <c>1</c> are the same number, and lists
/// may be JSON arrays or comma-separated text.
/// </summary>
internal sealed class OapiParameters
{
    private readonly Dictionary<string, JsonNode?> values = new(StringComparer.Ordinal);

    public static async Task<OapiParameters> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var parameters = new OapiParameters();
        foreach (var (key, value) in request.Query)
        {
            parameters.values[key] = value.ToString();
        }

        if (request.HasFormContentType)
        {
            foreach (var (key, value) in await request.ReadFormAsync(cancellationToken))
            {
                parameters.values[key] = value.ToString();
            }
        }
        else if (request.HasJsonContentType())
        {
            foreach (var (key, value) in await ReadJsonObjectAsync(request, cancellationToken))
            {
                parameters.values[key] = value?.DeepClone();
            }
        }
        else if (request.ContentLength > 0)
        {
            throw new SimulatedError(43004, "需要HTTP Header的Content-Type为application/json或application/x-www-form-urlencoded");
        }

        return parameters;
    }

    public bool Has(string name) => values.TryGetValue(name, out var value) && value is not null;

    /// <summary>The value as given: a JSON object from a JSON body, or text from the query or a form.</summary>
    public JsonNode? Raw(string name) => values.GetValueOrDefault(name);

    public string? Text(string name) => values.GetValueOrDefault(name) switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value => value.ToJsonString(),
        _ => throw Invalid(name),
    };

    public long? Number(string name)
    {
        var text = Text(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : throw Invalid(name);
    }

    public bool? Flag(string name) => Text(name) switch
    {
        null or "" => null,
        var text when bool.TryParse(text, out var flag) => flag,
        _ => throw Invalid(name),
    };

    public IReadOnlyList<string>? List(string name) => values.GetValueOrDefault(name) switch
    {
        null => null,
        JsonArray array => [.. array.Select(item => item is JsonValue value ? value.TryGetValue<string>(out var text) ? text : value.ToJsonString() : throw Invalid(name))],
        _ => Text(name)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
    };

    public IReadOnlyList<long>? NumberList(string name) =>
        List(name)?.Select(item => long.TryParse(item, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : throw Invalid(name)).ToList();

    public static SimulatedError Invalid(string name) => new(40035, $"不合法的参数:{name}");

    public static SimulatedError Missing(string name) => new(40035, $"缺少参数:{name}");

    private static async Task<JsonObject> ReadJsonObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength == 0)
        {
            return [];
        }

        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken) switch
            {
                JsonObject body => body,
                null => [],
                _ => throw new SimulatedError(40035, "不合法的参数:请求体需为JSON对象"),
            };
        }
        catch (JsonException)
        {
            throw new SimulatedError(40035, "不合法的参数:请求体不是合法的JSON");
        }
    }
}

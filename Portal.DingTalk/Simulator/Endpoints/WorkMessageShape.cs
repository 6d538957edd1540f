using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.DingTalk.Simulator.Http;

namespace Portal.DingTalk.Simulator.Endpoints;

/// <summary>A work notification's <c>msg</c> after checking: its type and a clean copy holding only that type's content.</summary>
internal sealed record CheckedMessage(string Type, JsonObject Message);

/// <summary>
/// Checks a work notification's <c>msg</c> against the shapes of reference §4: one content type
/// named by <c>msgtype</c>, with that type's required fields; links must be http(s) or dingtalk.
/// </summary>
internal static class WorkMessageShape
{
    private const int MaxMessageBytes = 2048;
    private const int MaxMarkdownLength = 5000;
    private const int MaxSingleTitleLength = 20;
    private const int MaxSingleUrlLength = 500;

    public static CheckedMessage Read(JsonNode? raw, bool enforceLimits)
    {
        var message = raw switch
        {
            null => throw OapiParameters.Missing("msg"),
            JsonObject given => given,
            JsonValue value when value.TryGetValue<string>(out var text) => Parse(text),
            _ => throw Malformed("msg"),
        };
        var type = Text(message, "msgtype") ?? throw Malformed("msgtype");
        var content = message[type] as JsonObject ?? throw Malformed(type);
        switch (type)
        {
            case "text":
                Require(content, type, "content");
                break;
            case "image" or "file":
                Require(content, type, "media_id");
                break;
            case "voice":
                Require(content, type, "media_id", "duration");
                break;
            case "link":
                Require(content, type, "messageUrl", "picUrl", "title", "text");
                RequireSafeUrls(content, "messageUrl", "picUrl");
                break;
            case "markdown":
                Require(content, type, "title", "text");
                LimitMarkdown(content, "text", enforceLimits);
                break;
            case "action_card":
                CheckActionCard(content, enforceLimits);
                break;
            case "oa":
                CheckOa(content);
                break;
            default:
                throw Malformed("msgtype");
        }

        var clean = new JsonObject { ["msgtype"] = type, [type] = content.DeepClone() };
        if (enforceLimits && type is not ("markdown" or "action_card") && Encoding.UTF8.GetByteCount(clean.ToJsonString()) > MaxMessageBytes)
        {
            throw new SimulatedError(34014, $"消息内容超过{MaxMessageBytes}字节");
        }

        return new CheckedMessage(type, clean);
    }

    private static void CheckActionCard(JsonObject card, bool enforceLimits)
    {
        Require(card, "action_card", "title", "markdown");
        LimitMarkdown(card, "markdown", enforceLimits);
        if (card["btn_json_list"] is JsonArray buttons)
        {
            if (buttons.Count == 0)
            {
                throw Malformed("action_card.btn_json_list");
            }

            foreach (var button in buttons)
            {
                var entry = button as JsonObject ?? throw Malformed("action_card.btn_json_list");
                Require(entry, "action_card.btn_json_list", "title", "action_url");
                RequireSafeUrls(entry, "action_url");
            }

            return;
        }

        Require(card, "action_card", "single_title", "single_url");
        RequireSafeUrls(card, "single_url");
        if (enforceLimits && (Text(card, "single_title")!.Length > MaxSingleTitleLength || Text(card, "single_url")!.Length > MaxSingleUrlLength))
        {
            throw Malformed("action_card.single_title/single_url");
        }
    }

    private static void CheckOa(JsonObject oa)
    {
        Require(oa, "oa", "message_url");
        RequireSafeUrls(oa, "message_url", "pc_message_url");
        var head = oa["head"] as JsonObject ?? throw Malformed("oa.head");
        Require(head, "oa.head", "bgcolor");
        if (oa["body"] is not JsonObject)
        {
            throw Malformed("oa.body");
        }

        if (oa["status_bar"] is { } statusBar && statusBar is not JsonObject)
        {
            throw Malformed("oa.status_bar");
        }
    }

    private static void LimitMarkdown(JsonObject content, string field, bool enforceLimits)
    {
        if (enforceLimits && Text(content, field)!.Length > MaxMarkdownLength)
        {
            throw new SimulatedError(34014, $"markdown内容超过{MaxMarkdownLength}字符");
        }
    }

    private static void Require(JsonObject content, string where, params string[] fields)
    {
        foreach (var field in fields)
        {
            if (string.IsNullOrEmpty(Text(content, field)))
            {
                throw Malformed($"{where}.{field}");
            }
        }
    }

    private static void RequireSafeUrls(JsonObject content, params string[] fields)
    {
        foreach (var field in fields)
        {
            if (Text(content, field) is { Length: > 0 } url && !IsSafe(url))
            {
                throw new SimulatedError(40048, $"URL地址不安全:{field}");
            }
        }
    }

    private static bool IsSafe(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "dingtalk";

    /// <summary>Numbers count as text, as DingTalk reads them (a voice <c>duration</c> comes either way).</summary>
    private static string? Text(JsonObject content, string field) => content[field] switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.ToJsonString(),
        _ => null,
    };

    private static JsonObject Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw Malformed("msg");
        }
        catch (JsonException)
        {
            throw Malformed("msg");
        }
    }

    private static SimulatedError Malformed(string field) => new(34014, $"消息内容格式不正确:{field}");
}

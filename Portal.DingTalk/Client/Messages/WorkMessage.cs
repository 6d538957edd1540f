using System.Text.Json.Serialization;

namespace Portal.DingTalk.Client.Messages;

/// <summary>
/// The <c>msg</c> of a work notification: exactly one content type, named by <c>msgtype</c>
/// (reference §4). Build it with the static methods.
/// </summary>
public sealed record WorkMessage
{
    private WorkMessage(string type) => Type = type;

    [JsonPropertyName("msgtype")]
    public string Type { get; }

    [JsonPropertyName("text")]
    public TextContent? Text { get; private init; }

    [JsonPropertyName("link")]
    public LinkContent? Link { get; private init; }

    [JsonPropertyName("markdown")]
    public MarkdownContent? Markdown { get; private init; }

    [JsonPropertyName("action_card")]
    public ActionCardContent? ActionCard { get; private init; }

    [JsonPropertyName("oa")]
    public OaContent? Oa { get; private init; }

    public static WorkMessage ForText(string content) => new("text") { Text = new TextContent(content) };

    public static WorkMessage ForLink(LinkContent link) => new("link") { Link = link };

    /// <summary>Markdown text may be up to 5 000 characters.</summary>
    public static WorkMessage ForMarkdown(string title, string text) => new("markdown") { Markdown = new MarkdownContent(title, text) };

    public static WorkMessage ForActionCard(ActionCardContent card) => new("action_card") { ActionCard = card };

    public static WorkMessage ForOa(OaContent oa) => new("oa") { Oa = oa };
}

public sealed record TextContent([property: JsonPropertyName("content")] string Content);

/// <summary>The link type is camelCase on the wire, unlike the rest of the message.</summary>
public sealed record LinkContent(
    [property: JsonPropertyName("messageUrl")] string MessageUrl,
    [property: JsonPropertyName("picUrl")] string PicUrl,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("text")] string Text);

public sealed record MarkdownContent(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("text")] string Text);

/// <summary>Either one whole-card button (<see cref="SingleTitle"/> + <see cref="SingleUrl"/>) or a list of buttons.</summary>
public sealed record ActionCardContent(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("markdown")] string Markdown)
{
    [JsonPropertyName("single_title")]
    public string? SingleTitle { get; init; }

    [JsonPropertyName("single_url")]
    public string? SingleUrl { get; init; }

    /// <summary>"0" vertical, "1" horizontal.</summary>
    [JsonPropertyName("btn_orientation")]
    public string? ButtonOrientation { get; init; }

    [JsonPropertyName("btn_json_list")]
    public IReadOnlyList<ActionCardButton>? Buttons { get; init; }
}

public sealed record ActionCardButton(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("action_url")] string ActionUrl);

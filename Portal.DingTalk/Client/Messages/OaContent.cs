using System.Text.Json.Serialization;

namespace Portal.DingTalk.Client.Messages;

/// <summary>The OA message card; the head text is replaced by the app's name on the client.</summary>
public sealed record OaContent(
    [property: JsonPropertyName("message_url")] string MessageUrl,
    [property: JsonPropertyName("head")] OaHead Head,
    [property: JsonPropertyName("body")] OaBody Body)
{
    [JsonPropertyName("pc_message_url")]
    public string? PcMessageUrl { get; init; }

    /// <summary>Only shown when the message goes to at most 5 user ids and no departments.</summary>
    [JsonPropertyName("status_bar")]
    public OaStatusBar? StatusBar { get; init; }
}

/// <param name="BackgroundColor">ARGB hex, e.g. <c>FFBBBBBB</c>.</param>
public sealed record OaHead(
    [property: JsonPropertyName("bgcolor")] string BackgroundColor,
    [property: JsonPropertyName("text")] string Text);

public sealed record OaStatusBar(
    [property: JsonPropertyName("status_value")] string Value,
    [property: JsonPropertyName("status_bg")] string? Background);

public sealed record OaBody
{
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>Key/value rows; the client shows at most 6.</summary>
    [JsonPropertyName("form")]
    public IReadOnlyList<OaFormRow>? Form { get; init; }

    [JsonPropertyName("rich")]
    public OaRich? Rich { get; init; }

    [JsonPropertyName("content")]
    public string? Content { get; init; }

    [JsonPropertyName("image")]
    public string? Image { get; init; }

    [JsonPropertyName("file_count")]
    public string? FileCount { get; init; }

    [JsonPropertyName("author")]
    public string? Author { get; init; }
}

public sealed record OaFormRow(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("value")] string Value);

public sealed record OaRich(
    [property: JsonPropertyName("num")] string Number,
    [property: JsonPropertyName("unit")] string? Unit);

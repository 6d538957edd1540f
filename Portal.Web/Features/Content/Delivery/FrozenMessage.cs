using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.DingTalk.Client.Messages;
using Portal.Web.Features.Outbox;

namespace Portal.Web.Features.Content.Delivery;

/// <summary>
/// The message a dispatch froze when it was planned, read back for sending. A retried call must send
/// exactly the same content: DingTalk recognises a repeat only when it is identical.
/// </summary>
public static class FrozenMessage
{
    public static string Write(WorkMessage message) => JsonSerializer.Serialize(message);

    public static WorkMessage Read(string json)
    {
        var node = JsonNode.Parse(json) as JsonObject ?? throw Unreadable("not a JSON object");
        var type = node["msgtype"]?.GetValue<string>();
        return type switch
        {
            "text" => WorkMessage.ForText(Content<TextContent>(node, "text").Content),
            "link" => WorkMessage.ForLink(Content<LinkContent>(node, "link")),
            "markdown" => Markdown(Content<MarkdownContent>(node, "markdown")),
            "action_card" => WorkMessage.ForActionCard(Content<ActionCardContent>(node, "action_card")),
            "oa" => WorkMessage.ForOa(Content<OaContent>(node, "oa")),
            _ => throw Unreadable($"unknown msgtype '{type}'"),
        };
    }

    private static WorkMessage Markdown(MarkdownContent markdown) => WorkMessage.ForMarkdown(markdown.Title, markdown.Text);

    private static T Content<T>(JsonObject message, string property) =>
        message[property].Deserialize<T>() ?? throw Unreadable($"'{property}' is missing");

    private static PermanentDeliveryException Unreadable(string why) => new($"The frozen work notification cannot be read: {why}.");
}

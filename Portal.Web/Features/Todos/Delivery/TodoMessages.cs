using System.Globalization;
using System.Text;
using Portal.DingTalk.Client.Messages;
using Portal.Domain.Todos;
using Portal.Web.Infrastructure.DingTalk;

namespace Portal.Web.Features.Todos.Delivery;

/// <summary>
/// The work notification a new assignee gets: an action card with the to-do's fields and one button per
/// offered action, each opening the portal page that takes it, plus one to the to-do itself. Written in
/// the organisation's language (Chinese), like the content notifications.
/// </summary>
public static class TodoMessages
{
    private const int MaxDescription = 300;
    private const int MaxFields = 6;
    private const int MaxButtons = 5;

    public static WorkMessage Assigned(Todo todo, TodoLinks links, DateTimeOffset? dueLocal)
    {
        var title = $"【待办】{todo.Title}";
        var text = new StringBuilder($"### {MessageText.Line(title)}\n\n");
        if (!string.IsNullOrWhiteSpace(todo.Description))
        {
            var description = todo.Description.Trim();
            text.Append(MessageText.Escape(description.Length > MaxDescription ? description[..MaxDescription] + "…" : description)).Append("\n\n");
        }

        foreach (var (key, value) in TodoCardJson.FormFields(todo.FormFields).Take(MaxFields))
        {
            text.Append(CultureInfo.InvariantCulture, $"**{MessageText.Line(key)}**：{MessageText.Line(value)}\n\n");
        }

        if (dueLocal is { } due)
        {
            text.Append(CultureInfo.InvariantCulture, $"截止：{due:yyyy-MM-dd HH:mm}\n\n");
        }

        var buttons = TodoCardJson.Actions(todo.Actions).Take(MaxButtons - 1)
            .Select(a => new ActionCardButton(a.Label, MessageText.InDingTalk(links.Action(todo.Id, a.Key))))
            .Append(new ActionCardButton("查看详情", MessageText.InDingTalk(links.Detail(todo.Id))))
            .ToList();
        return WorkMessage.ForActionCard(new ActionCardContent(title, text.ToString().TrimEnd()) { ButtonOrientation = "1", Buttons = buttons });
    }
}

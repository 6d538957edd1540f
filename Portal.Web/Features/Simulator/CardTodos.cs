using Microsoft.EntityFrameworkCore;
using Portal.DingTalk.Simulator;
using Portal.Domain.Data;
using Portal.Web.Features.Todos;

namespace Portal.Web.Features.Simulator;

/// <summary>
/// The portal's to-dos that the action cards in one person's simulated inbox are about, as the person
/// sees them now. A card is about a to-do when its buttons lead to the to-do's pages
/// (<c>/todos/{id}</c>, or <c>/todos/{id}/act</c> for a decision).
/// </summary>
public sealed class CardTodos(IReadOnlyDictionary<Guid, TodoDetail> byId)
{
    public static readonly CardTodos None = new(new Dictionary<Guid, TodoDetail>());

    public TodoDetail? Of(Guid todoId) => byId.GetValueOrDefault(todoId);

    /// <summary>The to-do a card's link leads to, and whether the link takes a decision.</summary>
    public static (Guid TodoId, bool Decides)? Link(string? url)
    {
        if (PortalLinks.Resolve(url) is not { } target || !Uri.TryCreate(target, UriKind.Absolute, out var uri))
        {
            return null;
        }

        // The path ends in todos/{id} or todos/{id}/act, after the portal's path base if it has one.
        var segments = uri.AbsolutePath.Trim('/').Split('/');
        var decides = segments[^1] == "act";
        var end = decides ? segments.Length - 1 : segments.Length;
        return end >= 2 && segments[end - 2] == "todos" && Guid.TryParse(segments[end - 1], out var todoId) ? (todoId, decides) : null;
    }

    public static async Task<CardTodos> LoadAsync(PortalDb db, string userId, IEnumerable<SimulatedMessage> messages, CancellationToken cancellationToken)
    {
        var ids = messages.Where(m => m.MsgType == "action_card")
            .SelectMany(m => MessageFields.Objects(MessageFields.Part(m.Message, "action_card"), "btn_json_list"))
            .Select(button => Link(MessageFields.Text(button, "action_url")))
            .OfType<(Guid TodoId, bool Decides)>()
            .Select(link => link.TodoId)
            .Distinct()
            .ToList();
        if (ids.Count == 0)
        {
            return None;
        }

        var personId = await db.People.AsNoTracking().Where(p => p.UserId == userId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (personId is null)
        {
            return None;
        }

        var found = new Dictionary<Guid, TodoDetail>();
        foreach (var id in ids)
        {
            if (await TodoQueries.DetailAsync(db, personId.Value, id, cancellationToken) is { } detail)
            {
                found[id] = detail;
            }
        }

        return new CardTodos(found);
    }
}

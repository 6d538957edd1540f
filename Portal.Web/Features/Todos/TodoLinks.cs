using Portal.Web.Features.Todos.Delivery;
using Portal.Web.Infrastructure.Http;

namespace Portal.Web.Features.Todos;

/// <summary>A to-do's portal addresses as they leave the portal (DingTalk messages and to-dos, API answers): absolute, on the public URL.</summary>
public sealed class TodoLinks(PublicAddress address, ITodoActionLinks actions)
{
    public static string DetailPath(Guid todoId) => "/todos/" + todoId.ToString("D");

    public string Detail(Guid todoId) => address.Of(DetailPath(todoId));

    public string Action(Guid todoId, string action) => address.Of(actions.ActionPath(todoId, action));
}

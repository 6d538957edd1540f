namespace Portal.Web.Features.Todos.Delivery;

/// <summary>Where a button of a to-do's notification leads: the path of the portal page that takes that action.</summary>
public interface ITodoActionLinks
{
    /// <returns>A path from the portal's root, like <c>/todos/{id}/act?action=approve&amp;exp=…&amp;sig=…</c>.</returns>
    string ActionPath(Guid todoId, string action);
}

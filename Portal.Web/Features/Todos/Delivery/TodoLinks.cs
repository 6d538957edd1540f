using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using Portal.Web.Infrastructure.Configuration;
using Portal.Web.Infrastructure.DingTalk;

namespace Portal.Web.Features.Todos.Delivery;

/// <summary>A to-do's portal addresses as DingTalk messages and the DingTalk to-do carry them: absolute, on the public URL.</summary>
public sealed class TodoLinks(IOptionsMonitor<PortalOptions> options, IServer server, ITodoActionLinks actions)
{
    public static string DetailPath(Guid todoId) => "/todos/" + todoId.ToString("D");

    public string Detail(Guid todoId) => Base() + DetailPath(todoId);

    public string Action(Guid todoId, string action) => Base() + actions.ActionPath(todoId, action);

    private string Base()
    {
        var configured = options.CurrentValue.PublicUrl;
        return (string.IsNullOrWhiteSpace(configured) ? ListeningAddress.Of(server) ?? "http://localhost:5000" : configured).TrimEnd('/');
    }
}

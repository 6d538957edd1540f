using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using Portal.Web.Infrastructure.Configuration;
using Portal.Web.Infrastructure.DingTalk;

namespace Portal.Web.Features.Integration.Todos;

/// <summary>Where a to-do is shown in the portal, as an absolute address the calling system can hand on.</summary>
public sealed class TodoLinks(IOptionsMonitor<PortalOptions> options, IServer server)
{
    public const string TodoPath = "/todos/";

    public string Todo(Guid todoId) => Base() + TodoPath + todoId.ToString("D");

    private string Base()
    {
        var configured = options.CurrentValue.PublicUrl;
        return (string.IsNullOrWhiteSpace(configured) ? ListeningAddress.Of(server) ?? "http://localhost:5000" : configured).TrimEnd('/');
    }
}

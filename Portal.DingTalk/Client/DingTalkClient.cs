using Portal.DingTalk.Client.Callbacks;
using Portal.DingTalk.Client.Contacts;
using Portal.DingTalk.Client.Ding;
using Portal.DingTalk.Client.Identity;
using Portal.DingTalk.Client.Messages;
using Portal.DingTalk.Client.Todo;

namespace Portal.DingTalk.Client;

/// <summary>Every area of the DingTalk open API the portal uses, in one place to inject.</summary>
public sealed class DingTalkClient(
    DingTalkAccessTokens accessTokens,
    DingTalkJsapiTickets jsapiTickets,
    IdentityClient identity,
    WorkNotificationClient workNotifications,
    TodoClient todos,
    DepartmentClient departments,
    UserClient users,
    DingClient ding,
    CallbackClient callbacks)
{
    public DingTalkAccessTokens AccessTokens { get; } = accessTokens;

    public DingTalkJsapiTickets JsapiTickets { get; } = jsapiTickets;

    public IdentityClient Identity { get; } = identity;

    public WorkNotificationClient WorkNotifications { get; } = workNotifications;

    public TodoClient Todos { get; } = todos;

    public DepartmentClient Departments { get; } = departments;

    public UserClient Users { get; } = users;

    public DingClient Ding { get; } = ding;

    public CallbackClient Callbacks { get; } = callbacks;
}

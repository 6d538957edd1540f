namespace Portal.DingTalk.Client;

/// <summary>
/// Names of the DingTalk endpoints the client calls. DingTalk throttles per app per API, so these
/// are the rate-limit keys, the <see cref="DingTalkException.Api"/> label and the keys of
/// <c>DingTalk:Client:ApiQps</c>.
/// </summary>
public static class DingTalkApiNames
{
    public const string GetToken = "GetToken";
    public const string OAuth2AccessToken = "OAuth2AccessToken";
    public const string GetJsapiTicket = "GetJsapiTicket";
    public const string OAuth2JsapiTicket = "OAuth2JsapiTicket";
    public const string UserGetUserInfo = "UserGetUserInfo";
    public const string OAuth2UserAccessToken = "OAuth2UserAccessToken";
    public const string ContactUserMe = "ContactUserMe";
    public const string UserGetByUnionId = "UserGetByUnionId";
    public const string MessageSend = "MessageSend";
    public const string MessageSendProgress = "MessageSendProgress";
    public const string MessageSendResult = "MessageSendResult";
    public const string MessageRecall = "MessageRecall";
    public const string MessageStatusBarUpdate = "MessageStatusBarUpdate";
    public const string TodoCreate = "TodoCreate";
    public const string TodoUpdate = "TodoUpdate";
    public const string TodoExecutorStatus = "TodoExecutorStatus";
    public const string TodoDelete = "TodoDelete";
    public const string TodoGet = "TodoGet";
    public const string TodoGetBySource = "TodoGetBySource";
    public const string TodoQuery = "TodoQuery";
    public const string DepartmentListSub = "DepartmentListSub";
    public const string DepartmentListSubId = "DepartmentListSubId";
    public const string DepartmentGet = "DepartmentGet";
    public const string DepartmentCreate = "DepartmentCreate";
    public const string DepartmentUpdate = "DepartmentUpdate";
    public const string DepartmentDelete = "DepartmentDelete";
    public const string UserListId = "UserListId";
    public const string UserList = "UserList";
    public const string UserGet = "UserGet";
    public const string UserGetByMobile = "UserGetByMobile";
    public const string UserCreate = "UserCreate";
    public const string UserUpdate = "UserUpdate";
    public const string UserDelete = "UserDelete";
    public const string DingSend = "DingSend";
    public const string DingRecall = "DingRecall";
    public const string CallbackFailedResult = "CallbackFailedResult";

    public static IReadOnlyList<string> All { get; } =
    [
        GetToken, OAuth2AccessToken, GetJsapiTicket, OAuth2JsapiTicket, UserGetUserInfo, OAuth2UserAccessToken,
        ContactUserMe, UserGetByUnionId, MessageSend, MessageSendProgress, MessageSendResult, MessageRecall,
        MessageStatusBarUpdate, TodoCreate, TodoUpdate, TodoExecutorStatus, TodoDelete, TodoGet, TodoGetBySource,
        TodoQuery, DepartmentListSub, DepartmentListSubId, DepartmentGet, DepartmentCreate, DepartmentUpdate,
        DepartmentDelete, UserListId, UserList, UserGet, UserGetByMobile, UserCreate, UserUpdate, UserDelete,
        DingSend, DingRecall, CallbackFailedResult,
    ];
}

namespace Portal.DingTalk.Simulator;

/// <summary>
/// Credentials the simulator answers to when the DingTalk keys are left unset in Simulator mode. They are
/// public demo values, not secrets: they unlock only the local simulator, which refuses to run in Production.
/// </summary>
public static class SimulatorDefaults
{
    public const string AppKey = "dingsimulatorapp";
    public const string AppSecret = "simulator-secret-0000";
    public const string CorpId = "dingsimulatorcorp";
    public const string AgentId = "100000001";

    /// <summary>The HTTP event subscription's token and EncodingAESKey when neither side configures one.</summary>
    public const string CallbackToken = "simulatorcallback";
    public const string CallbackAesKey = "c2ltdWxhdG9yLWNhbGxiYWNrLWFlcy1rZXktMDAwMDA";

    public const string OapiPath = "/_dingtalk/oapi";
    public const string ApiPath = "/_dingtalk/api";
    public const string LoginPath = "/_dingtalk/login";
    public const string ControlPath = "/_dingtalk/_control";
}

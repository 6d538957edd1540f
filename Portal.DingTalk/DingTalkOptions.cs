namespace Portal.DingTalk;

public enum DingTalkMode
{
    /// <summary>The portal hosts a local DingTalk under /_dingtalk and talks to it over HTTP.</summary>
    Simulator,

    /// <summary>The portal talks to the real DingTalk open platform.</summary>
    Live,
}

/// <summary>Configuration section <c>DingTalk</c>.</summary>
public sealed class DingTalkOptions
{
    public const string SectionName = "DingTalk";

    public DingTalkMode Mode { get; set; } = DingTalkMode.Simulator;

    /// <summary>Client ID (AppKey) of the enterprise-internal app.</summary>
    public string AppKey { get; set; } = "";

    /// <summary>Client secret (AppSecret). Comes from the environment, never from a committed file.</summary>
    public string AppSecret { get; set; } = "";

    public string CorpId { get; set; } = "";

    public string AgentId { get; set; } = "";

    public string OapiBaseUrl { get; set; } = "https://oapi.dingtalk.com";

    public string ApiBaseUrl { get; set; } = "https://api.dingtalk.com";
}

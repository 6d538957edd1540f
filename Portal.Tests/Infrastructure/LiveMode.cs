namespace Portal.Tests.Infrastructure;

/// <summary>Settings of a portal in Live mode with made-up credentials (nothing here reaches DingTalk).</summary>
public static class LiveMode
{
    public static Dictionary<string, string?> Settings(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["DingTalk:Mode"] = "Live",
            ["DingTalk:AppKey"] = "dingappkey",
            ["DingTalk:AppSecret"] = "app-secret",
            ["DingTalk:CorpId"] = "dingcorp",
            ["DingTalk:AgentId"] = "1000",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }
}

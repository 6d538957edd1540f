using Portal.DingTalk.Simulator.Events;

namespace Portal.DingTalk.Simulator;

/// <summary>Configuration section <c>DingTalk:Simulator</c>: the local DingTalk served under <c>/_dingtalk</c>.</summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "DingTalk:Simulator";
    public const string FileName = "dingtalk-simulator.json";
    public const int MaxPeople = 100_000;

    /// <summary>Folder of the simulator's state file; empty means the <c>data</c> folder beside the app, where the SQLite default lives.</summary>
    public string DataFolder { get; set; } = "";

    /// <summary>Head count of the generated demo organisation.</summary>
    public int People { get; set; } = 300;

    /// <summary>Seed of the generated organisation: the same seed and head count give the same people.</summary>
    public int Seed { get; set; } = 20260101;

    /// <summary>Whether DingTalk's limits (QPS per app per API, page sizes) are enforced.</summary>
    public bool EnforceLimits { get; set; } = true;

    /// <summary>Calls per second allowed per app per API before 90018 / QpsLimitForAppkeyAndApi.</summary>
    public int QpsPerApi { get; set; } = 20;

    /// <summary>Whether a work notification with the same content reaches the same person only once per China day (143106).</summary>
    public bool DropRepeatedMessages { get; set; } = true;

    /// <summary>Work notifications one person receives from the app per China day before DingTalk drops the rest (143105); 0 means no cap.</summary>
    public int DailyMessagesPerUser { get; set; } = 500;

    /// <summary>Non-exempt calls (work notifications, to-dos, DINGs) per China month before 90020; 0 means no quota.</summary>
    public int MonthlyCallQuota { get; set; } = 5000;

    /// <summary>
    /// Where org events are POSTed as encrypted HTTP callbacks. Unset: the portal's own
    /// <c>/dingtalk/callback</c> on its listening address; empty: no HTTP callbacks (Stream only).
    /// </summary>
    public string? CallbackUrl { get; set; }

    /// <summary>Token the callbacks are signed with; empty means the portal's <c>DingTalk:Callback:Token</c>.</summary>
    public string CallbackToken { get; set; } = "";

    /// <summary>EncodingAESKey the callbacks are encrypted with; empty means the portal's <c>DingTalk:Callback:AesKey</c>.</summary>
    public string CallbackAesKey { get; set; } = "";

    /// <summary>Body shape of HTTP callbacks: DingTalk's current documented one, or the legacy one older subscriptions receive.</summary>
    public CallbackPayloadStyle CallbackPayloadStyle { get; set; } = CallbackPayloadStyle.Current;

    public string DataFile() =>
        Path.Combine(string.IsNullOrWhiteSpace(DataFolder) ? Path.Combine(AppContext.BaseDirectory, "data") : DataFolder, FileName);
}

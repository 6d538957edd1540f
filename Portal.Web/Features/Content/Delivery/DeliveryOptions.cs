namespace Portal.Web.Features.Content.Delivery;

/// <summary>Configuration section <c>Content:Delivery</c>: how much of DingTalk's allowance one push may use.</summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Content:Delivery";

    /// <summary>The organisation's monthly allowance of work-notification and other counted calls (5,000 on a standard edition).</summary>
    public int MonthlyCallQuota { get; set; } = 5000;

    /// <summary>A push needing more calls than this asks the publisher to confirm.</summary>
    public int WarnAboveCalls { get; set; } = 100;

    /// <summary>A push needing more calls than this is refused; so is one needing more than the quota left.</summary>
    public int RefuseAboveCalls { get; set; } = 1500;

    /// <summary>
    /// DingTalk's limit of work notifications one person receives from the app a day (500 on an internal
    /// app); beyond it DingTalk drops them silently. A push that could meet it asks the publisher to confirm.
    /// </summary>
    public int DailyMessagesPerPerson { get; set; } = 500;

    /// <summary>How long after a call DingTalk's per-recipient result is collected.</summary>
    public int ResultDelaySeconds { get; set; } = 60;
}

namespace Portal.Web.Features.Content.Scheduling;

/// <summary>Configuration section <c>Content:Scheduler</c>.</summary>
public sealed class SchedulerOptions
{
    public const string SectionName = "Content:Scheduler";

    /// <summary>Whether this instance publishes scheduled items and expires old ones; several instances may.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seconds between passes: how late a scheduled item may go live at most.</summary>
    public int PollSeconds { get; set; } = 30;
}

namespace Portal.Web.Features.Outbox;

/// <summary>Configuration section <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>Whether this instance runs the relay in the background; several instances may.</summary>
    public bool RunInBackground { get; set; } = true;

    public int BatchSize { get; set; } = 50;

    /// <summary>Messages of a batch handled at once; DingTalk's pace is kept by the client whatever this is.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>How long an instance holds the messages it took; past that, another may take them.</summary>
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>Attempts before a message is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 8;

    public int BaseDelaySeconds { get; set; } = 2;

    public int MaxDelaySeconds { get; set; } = 1800;

    public int PollSeconds { get; set; } = 2;
}

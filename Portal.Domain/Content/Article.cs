namespace Portal.Domain.Content;

public enum ContentKind
{
    News = 1,
    Notice = 2,
}

public enum ContentStatus
{
    Draft = 0,
    Submitted = 1,
    Approved = 2,
    Rejected = 3,
    Published = 4,
    Expired = 5,
    Archived = 6,
}

/// <summary>
/// A news item or notice and its workflow: Draft → Submitted → Approved | Rejected → Published (now or
/// scheduled) → Expired | Archived. The approver is never the author. Pages never set a status; they
/// call these transitions, which throw <see cref="ContentWorkflowException"/> on an illegal move and
/// record who did what and when.
/// </summary>
public sealed class Article : Audiences.IAudienceTargeted
{
    public Article(ContentKind kind, Guid authorId, string title, Guid audienceId, DateTime at)
        : this()
    {
        Kind = kind;
        AuthorId = authorId;
        Title = title;
        AudienceId = audienceId;
        CreatedAt = at;
        UpdatedAt = at;
        Record(authorId, "created", null, at);
    }

    private Article()
    {
        Title = "";
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public ContentKind Kind { get; private set; }

    public ContentStatus Status { get; private set; } = ContentStatus.Draft;

    public string Title { get; private set; }

    public string? Summary { get; private set; }

    /// <summary>Sanitized HTML.</summary>
    public string Body { get; private set; } = "";

    public string? Category { get; private set; }

    public bool RequiresAcknowledgement { get; private set; }

    public bool Pinned { get; private set; }

    public DateTime? ExpiresAt { get; private set; }

    public Guid AudienceId { get; private set; }

    public Guid AuthorId { get; private set; }

    public Guid? ReviewedById { get; private set; }

    public string? RejectionComment { get; private set; }

    /// <summary>When an approved item goes live; null publishes at once.</summary>
    public DateTime? PublishAt { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public List<ArticleHistory> History { get; } = [];

    public void Edit(Guid by, string title, string? summary, string body, string? category, DateTime at)
    {
        Require(Status is ContentStatus.Draft or ContentStatus.Rejected, "not-editable", "Only drafts and rejected items can be edited.");
        Title = title;
        Summary = summary;
        Body = body;
        Category = category;
        Touch(by, "edited", null, at);
    }

    public void SetNoticeOptions(bool requiresAcknowledgement, bool pinned, DateTime? expiresAt)
    {
        Require(Status is ContentStatus.Draft or ContentStatus.Rejected, "not-editable", "Only drafts and rejected items can be edited.");
        Require(Kind == ContentKind.Notice || (!requiresAcknowledgement && !pinned), "news-has-no-notice-options", "Only notices ask for acknowledgement or are pinned.");
        RequiresAcknowledgement = requiresAcknowledgement;
        Pinned = pinned;
        ExpiresAt = expiresAt;
    }

    public void Submit(Guid by, DateTime at)
    {
        Require(Status is ContentStatus.Draft or ContentStatus.Rejected, "not-submittable", $"A {Status} item cannot be submitted.");
        Require(Title.Trim().Length > 0, "title-required", "A title is required.");
        Status = ContentStatus.Submitted;
        RejectionComment = null;
        Touch(by, "submitted", null, at);
    }

    public void Approve(Guid by, DateTime at)
    {
        Require(Status == ContentStatus.Submitted, "not-submitted", $"A {Status} item cannot be approved.");
        Require(by != AuthorId, "four-eyes", "The author cannot approve their own item.");
        Status = ContentStatus.Approved;
        ReviewedById = by;
        Touch(by, "approved", null, at);
    }

    public void Reject(Guid by, string comment, DateTime at)
    {
        Require(Status == ContentStatus.Submitted, "not-submitted", $"A {Status} item cannot be rejected.");
        Require(by != AuthorId, "four-eyes", "The author cannot review their own item.");
        Require(!string.IsNullOrWhiteSpace(comment), "comment-required", "A rejection needs a comment.");
        Status = ContentStatus.Rejected;
        ReviewedById = by;
        RejectionComment = comment.Trim();
        Touch(by, "rejected", RejectionComment, at);
    }

    /// <summary>Publishes now, or schedules it: <paramref name="publishAt"/> in the future keeps it approved until then.</summary>
    public void Publish(Guid by, DateTime at, DateTime? publishAt = null)
    {
        Require(Status == ContentStatus.Approved, "not-approved", $"A {Status} item cannot be published.");
        if (publishAt is { } later && later > at)
        {
            PublishAt = later;
            Touch(by, "scheduled", later.ToString("O", System.Globalization.CultureInfo.InvariantCulture), at);
            return;
        }

        Status = ContentStatus.Published;
        PublishAt = null;
        PublishedAt = at;
        Touch(by, "published", null, at);
    }

    /// <summary>The scheduler's move: a scheduled item whose time has come goes live.</summary>
    public bool PublishIfDue(DateTime now)
    {
        if (Status != ContentStatus.Approved || PublishAt is not { } due || due > now)
        {
            return false;
        }

        Status = ContentStatus.Published;
        PublishAt = null;
        PublishedAt = now;
        Touch(null, "published", "scheduled", now);
        return true;
    }

    public void Expire(DateTime at)
    {
        Require(Status == ContentStatus.Published, "not-published", $"A {Status} item cannot expire.");
        Status = ContentStatus.Expired;
        Touch(null, "expired", null, at);
    }

    public void Archive(Guid by, DateTime at)
    {
        Require(Status is ContentStatus.Published or ContentStatus.Expired, "not-archivable", $"A {Status} item cannot be archived.");
        Status = ContentStatus.Archived;
        Touch(by, "archived", null, at);
    }

    private void Touch(Guid? by, string action, string? detail, DateTime at)
    {
        UpdatedAt = at;
        Record(by, action, detail, at);
    }

    private void Record(Guid? by, string action, string? detail, DateTime at) =>
        History.Add(new ArticleHistory { ArticleId = Id, ActorId = by, Action = action, Detail = detail, At = at });

    private static void Require(bool condition, string code, string message)
    {
        if (!condition)
        {
            throw new ContentWorkflowException(code, message);
        }
    }
}

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

    /// <summary>A draft or rejected item its author threw away; it stays only for its history.</summary>
    Deleted = 7,
}

/// <summary>
/// A news item or notice and its workflow: Draft → Submitted → Approved | Rejected → Published (now or
/// scheduled) → Expired | Archived; a draft or a rejected item may be Deleted instead. The approver is
/// never the author. Pages never set a status; they call these transitions, which throw
/// <see cref="ContentWorkflowException"/> on an illegal move and record who did what and when.
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

    /// <summary>Whether publishing pushes a DingTalk work notification to the audience.</summary>
    public bool Notify { get; private set; } = true;

    public Guid? CoverImageId { get; private set; }

    /// <summary>Set on a revision: the published item it will replace once approved and published.</summary>
    public Guid? RevisionOfId { get; private set; }

    /// <summary>The integration client (an OA system) that created the item, if any; it then counts as the author.</summary>
    public Guid? SourceClientId { get; private set; }

    public List<ArticleHistory> History { get; } = [];

    /// <summary>An item created by an integration client, which stands as its author.</summary>
    public static Article FromSource(ContentKind kind, Guid clientId, string title, Guid audienceId, DateTime at)
    {
        var article = new Article(kind, clientId, title, audienceId, at) { SourceClientId = clientId };
        return article;
    }

    public void Edit(Guid by, string title, string? summary, string body, string? category, DateTime at)
    {
        RequireEditable();
        Title = title;
        Summary = summary;
        Body = body;
        Category = category;
        Touch(by, "edited", null, at);
    }

    public void SetCover(Guid? fileId)
    {
        RequireEditable();
        CoverImageId = fileId;
    }

    public void SetNotify(bool notify)
    {
        RequireEditable();
        Notify = notify;
    }

    /// <summary>Moves the item to another audience (a draft's own copy, see <see cref="Revise"/>).</summary>
    public void SetAudience(Guid audienceId)
    {
        RequireEditable();
        AudienceId = audienceId;
    }

    public void SetNoticeOptions(bool requiresAcknowledgement, bool pinned, DateTime? expiresAt)
    {
        RequireEditable();
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

    /// <summary>
    /// The source system approved the item itself (an integration client with the publish scope); only
    /// an item it created can be approved this way.
    /// </summary>
    public void ApproveAtSource(Guid clientId, DateTime at)
    {
        Require(Status == ContentStatus.Submitted, "not-submitted", $"A {Status} item cannot be approved.");
        Require(SourceClientId is { } source && source == clientId, "four-eyes", "Only the source system of an item approves it at the source.");
        Status = ContentStatus.Approved;
        Touch(null, "approved", "source", at);
    }

    /// <summary>
    /// Starts a revision of a published item: a new draft with the same content in its own audience
    /// copy, which goes through approval while this one stays live.
    /// </summary>
    public Article Revise(Guid by, Guid audienceId, DateTime at)
    {
        Require(Status == ContentStatus.Published, "not-published", $"Only published items are revised; this one is {Status}.");
        Require(RevisionOfId is null, "revision-of-revision", "A revision is not itself revised.");
        var revision = new Article(Kind, by, Title, audienceId, at)
        {
            RevisionOfId = Id,
            Summary = Summary,
            Body = Body,
            Category = Category,
            RequiresAcknowledgement = RequiresAcknowledgement,
            Pinned = Pinned,
            ExpiresAt = ExpiresAt,
            CoverImageId = CoverImageId,
            Notify = false,
        };
        Record(by, "revision-started", revision.Id.ToString(), at);
        return revision;
    }

    /// <summary>
    /// Publishing an approved revision replaces this item's content (and audience) with the revision's;
    /// the revision is archived. Readers keep their receipts.
    /// </summary>
    public void ApplyRevision(Article revision, Guid? by, DateTime at)
    {
        Require(Status == ContentStatus.Published, "not-published", $"A revision only replaces a published item; this one is {Status}.");
        Require(revision.RevisionOfId == Id, "not-a-revision", "That item is not a revision of this one.");
        Require(revision.Status == ContentStatus.Approved, "not-approved", $"A {revision.Status} revision cannot be published.");
        Title = revision.Title;
        Summary = revision.Summary;
        Body = revision.Body;
        Category = revision.Category;
        RequiresAcknowledgement = revision.RequiresAcknowledgement;
        Pinned = revision.Pinned;
        ExpiresAt = revision.ExpiresAt;
        CoverImageId = revision.CoverImageId;
        AudienceId = revision.AudienceId;
        Touch(by, "revised", revision.Id.ToString(), at);
        revision.Status = ContentStatus.Archived;
        revision.Touch(by, "merged", Id.ToString(), at);
    }

    /// <summary>Publishes now, or schedules it: <paramref name="publishAt"/> in the future keeps it approved until then.</summary>
    public void Publish(Guid by, DateTime at, DateTime? publishAt = null)
    {
        Require(Status == ContentStatus.Approved, "not-approved", $"A {Status} item cannot be published.");
        Require(RevisionOfId is null, "revision", "A revision is published into the item it revises.");
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

    /// <summary>
    /// The item went live at its scheduled time, but its DingTalk push was refused (over the monthly
    /// quota or the per-push ceiling) and was not sent; the history says why.
    /// </summary>
    public void NotificationWithheld(string reason, DateTime at)
    {
        Require(Status == ContentStatus.Published, "not-published", $"A {Status} item sends no notification.");
        Record(null, "notification-withheld", reason, at);
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

    /// <summary>Throws a draft or rejected item away; anything that was submitted for good stays.</summary>
    public void Delete(Guid by, DateTime at)
    {
        Require(Status is ContentStatus.Draft or ContentStatus.Rejected, "not-deletable", $"A {Status} item cannot be deleted.");
        Status = ContentStatus.Deleted;
        CoverImageId = null;
        Touch(by, "deleted", null, at);
    }

    private void RequireEditable() =>
        Require(Status is ContentStatus.Draft or ContentStatus.Rejected, "not-editable", "Only drafts and rejected items can be edited.");

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

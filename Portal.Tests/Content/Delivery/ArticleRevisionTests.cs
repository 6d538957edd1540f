using Portal.Domain.Content;

namespace Portal.Tests.Content.Delivery;

/// <summary>Revisions of live items, items from integration clients approved at their source, and a withheld push.</summary>
public sealed class ArticleRevisionTests
{
    private static readonly Guid Author = Guid.NewGuid();
    private static readonly Guid Reviewer = Guid.NewGuid();
    private static readonly Guid Reviser = Guid.NewGuid();
    private static readonly DateTime Now = new(2026, 11, 22, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_revision_copies_the_live_item_as_a_silent_draft_while_the_item_stays_live()
    {
        var live = Published();
        var audience = Guid.NewGuid();

        var revision = live.Revise(Reviser, audience, Now.AddDays(1));

        Assert.Equal(ContentStatus.Published, live.Status);
        Assert.Equal((ContentStatus.Draft, live.Id, Reviser, audience), (revision.Status, revision.RevisionOfId, revision.AuthorId, revision.AudienceId));
        Assert.Equal((live.Title, live.Summary, live.Body, live.Category), (revision.Title, revision.Summary, revision.Body, revision.Category));
        Assert.Equal((live.RequiresAcknowledgement, live.Pinned, live.ExpiresAt), (revision.RequiresAcknowledgement, revision.Pinned, revision.ExpiresAt));
        Assert.False(revision.Notify);
        Assert.Equal(revision.Id.ToString(), Assert.Single(live.History, h => h.Action == "revision-started").Detail);
    }

    [Theory]
    [InlineData(ContentStatus.Draft)]
    [InlineData(ContentStatus.Submitted)]
    [InlineData(ContentStatus.Approved)]
    [InlineData(ContentStatus.Expired)]
    [InlineData(ContentStatus.Archived)]
    public void Only_a_live_item_is_revised(ContentStatus status)
    {
        var article = In(status);

        Assert.Equal("not-published", Assert.Throws<ContentWorkflowException>(() => article.Revise(Reviser, Guid.NewGuid(), Now)).Code);
    }

    [Fact]
    public void An_approved_revision_replaces_the_live_content_and_is_archived()
    {
        var live = Published();
        var publishedAt = live.PublishedAt;
        var revision = live.Revise(Reviser, Guid.NewGuid(), Now);
        revision.Edit(Reviser, "修订后的标题", "新摘要", "<p>新正文</p>", "制度", Now);
        revision.SetNoticeOptions(requiresAcknowledgement: true, pinned: true, Now.AddDays(30));
        revision.Submit(Reviser, Now);
        Assert.Equal("four-eyes", Assert.Throws<ContentWorkflowException>(() => revision.Approve(Reviser, Now)).Code);
        revision.Approve(Reviewer, Now);

        live.ApplyRevision(revision, Reviewer, Now.AddHours(1));

        Assert.Equal((ContentStatus.Published, publishedAt), (live.Status, live.PublishedAt));
        Assert.Equal(("修订后的标题", "新摘要", "<p>新正文</p>", "制度"), (live.Title, live.Summary, live.Body, live.Category));
        Assert.Equal((true, true, Now.AddDays(30), revision.AudienceId), (live.RequiresAcknowledgement, live.Pinned, live.ExpiresAt, live.AudienceId));
        Assert.Equal(ContentStatus.Archived, revision.Status);
        Assert.Equal(revision.Id.ToString(), Assert.Single(live.History, h => h.Action == "revised").Detail);
        Assert.Equal(live.Id.ToString(), Assert.Single(revision.History, h => h.Action == "merged").Detail);
    }

    [Fact]
    public void A_revision_goes_live_only_through_the_item_it_revises_and_only_once_approved()
    {
        var live = Published();
        var other = Published();
        var revision = live.Revise(Reviser, Guid.NewGuid(), Now);
        var title = live.Title;

        Assert.Equal("not-approved", Assert.Throws<ContentWorkflowException>(() => live.ApplyRevision(revision, Reviewer, Now)).Code);
        revision.Submit(Reviser, Now);
        revision.Approve(Reviewer, Now);
        Assert.Equal("revision", Assert.Throws<ContentWorkflowException>(() => revision.Publish(Reviewer, Now)).Code);
        Assert.Equal("not-a-revision", Assert.Throws<ContentWorkflowException>(() => other.ApplyRevision(revision, Reviewer, Now)).Code);
        live.Expire(Now);
        Assert.Equal("not-published", Assert.Throws<ContentWorkflowException>(() => live.ApplyRevision(revision, Reviewer, Now)).Code);

        Assert.Equal((title, ContentStatus.Approved), (live.Title, revision.Status));
    }

    [Fact]
    public void An_item_from_a_source_system_is_approved_by_that_system_only()
    {
        var client = Guid.NewGuid();
        var article = Article.FromSource(ContentKind.News, client, "OA 审批通过的新闻", Guid.NewGuid(), Now);
        Assert.Equal((client, client, ContentStatus.Draft), (article.SourceClientId, article.AuthorId, article.Status));

        Assert.Equal("not-submitted", Assert.Throws<ContentWorkflowException>(() => article.ApproveAtSource(client, Now)).Code);
        article.Submit(client, Now);
        Assert.Equal("four-eyes", Assert.Throws<ContentWorkflowException>(() => article.ApproveAtSource(Guid.NewGuid(), Now)).Code);
        Assert.Equal("four-eyes", Assert.Throws<ContentWorkflowException>(() => article.Approve(client, Now)).Code);

        article.ApproveAtSource(client, Now);

        Assert.Equal(ContentStatus.Approved, article.Status);
        var approved = Assert.Single(article.History, h => h.Action == "approved");
        Assert.Equal(("source", (Guid?)null), (approved.Detail, approved.ActorId));
    }

    [Fact]
    public void An_item_written_by_a_person_is_never_approved_at_a_source()
    {
        var article = new Article(ContentKind.News, Author, "员工撰写", Guid.NewGuid(), Now);
        article.Submit(Author, Now);

        Assert.Equal("four-eyes", Assert.Throws<ContentWorkflowException>(() => article.ApproveAtSource(Author, Now)).Code);
        Assert.Equal(ContentStatus.Submitted, article.Status);
    }

    [Fact]
    public void A_withheld_push_is_recorded_on_a_live_item_only()
    {
        var approved = In(ContentStatus.Approved);
        Assert.Equal("not-published", Assert.Throws<ContentWorkflowException>(() => approved.NotificationWithheld("send-refused", Now)).Code);

        var live = Published();
        live.NotificationWithheld("send-refused: 3 calls needed, 1 left this month", Now);

        Assert.Equal("send-refused: 3 calls needed, 1 left this month", Assert.Single(live.History, h => h.Action == "notification-withheld").Detail);
        Assert.Equal(ContentStatus.Published, live.Status);
    }

    private static Article Published() => In(ContentStatus.Published);

    private static Article In(ContentStatus status)
    {
        var article = new Article(ContentKind.Notice, Author, "通知", Guid.NewGuid(), Now);
        article.Edit(Author, "通知", "摘要", "<p>正文</p>", "行政", Now);
        article.SetNoticeOptions(requiresAcknowledgement: false, pinned: false, Now.AddDays(7));
        return ArticleMoves.To(article, status, Author, Reviewer, Now);
    }
}

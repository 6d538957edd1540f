using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Tests.Infrastructure;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Content;

/// <summary>Every move of the content workflow, legal and illegal, and the four-eyes rule.</summary>
public sealed class ArticleWorkflowTests
{
    private static readonly Guid Author = Guid.NewGuid();
    private static readonly Guid Reviewer = Guid.NewGuid();
    private static readonly DateTime Now = new(2026, 11, 22, 2, 0, 0, DateTimeKind.Utc);

    public enum Move
    {
        Edit,
        Submit,
        Approve,
        Reject,
        Publish,
        Expire,
        Archive,
        Delete,
    }

    public static TheoryData<ContentStatus, Move, ContentStatus?> Moves()
    {
        var legal = new Dictionary<(ContentStatus, Move), ContentStatus>
        {
            [(ContentStatus.Draft, Move.Edit)] = ContentStatus.Draft,
            [(ContentStatus.Draft, Move.Submit)] = ContentStatus.Submitted,
            [(ContentStatus.Rejected, Move.Edit)] = ContentStatus.Rejected,
            [(ContentStatus.Rejected, Move.Submit)] = ContentStatus.Submitted,
            [(ContentStatus.Submitted, Move.Approve)] = ContentStatus.Approved,
            [(ContentStatus.Submitted, Move.Reject)] = ContentStatus.Rejected,
            [(ContentStatus.Approved, Move.Publish)] = ContentStatus.Published,
            [(ContentStatus.Published, Move.Expire)] = ContentStatus.Expired,
            [(ContentStatus.Published, Move.Archive)] = ContentStatus.Archived,
            [(ContentStatus.Expired, Move.Archive)] = ContentStatus.Archived,
            [(ContentStatus.Draft, Move.Delete)] = ContentStatus.Deleted,
            [(ContentStatus.Rejected, Move.Delete)] = ContentStatus.Deleted,
        };
        var data = new TheoryData<ContentStatus, Move, ContentStatus?>();
        foreach (var status in Enum.GetValues<ContentStatus>())
        {
            foreach (var move in Enum.GetValues<Move>())
            {
                data.Add(status, move, legal.TryGetValue((status, move), out var next) ? next : null);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Moves))]
    public void Each_move_is_allowed_exactly_where_the_workflow_says(ContentStatus from, Move move, ContentStatus? to)
    {
        var article = In(from);
        var historyBefore = article.History.Count;

        if (to is { } expected)
        {
            Apply(article, move);
            Assert.Equal(expected, article.Status);
            Assert.Equal(historyBefore + 1, article.History.Count);
        }
        else
        {
            Assert.Throws<ContentWorkflowException>(() => Apply(article, move));
            Assert.Equal(from, article.Status);
            Assert.Equal(historyBefore, article.History.Count);
        }
    }

    [Fact]
    public void The_author_can_neither_approve_nor_reject_their_own_item()
    {
        var article = In(ContentStatus.Submitted);

        Assert.Equal("four-eyes", Assert.Throws<ContentWorkflowException>(() => article.Approve(Author, Now)).Code);
        Assert.Equal("four-eyes", Assert.Throws<ContentWorkflowException>(() => article.Reject(Author, "no", Now)).Code);
        Assert.Equal(ContentStatus.Submitted, article.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_rejection_needs_a_comment(string comment)
    {
        var article = In(ContentStatus.Submitted);

        Assert.Equal("comment-required", Assert.Throws<ContentWorkflowException>(() => article.Reject(Reviewer, comment, Now)).Code);
    }

    [Fact]
    public void A_scheduled_publication_goes_live_when_its_time_comes_and_not_before()
    {
        var article = In(ContentStatus.Approved);

        article.Publish(Reviewer, Now, Now.AddHours(2));
        Assert.Equal(ContentStatus.Approved, article.Status);
        Assert.False(article.PublishIfDue(Now.AddHours(1)));
        Assert.True(article.PublishIfDue(Now.AddHours(2)));

        Assert.Equal(ContentStatus.Published, article.Status);
        Assert.Equal(Now.AddHours(2), article.PublishedAt);
        Assert.False(article.PublishIfDue(Now.AddHours(3)));
    }

    [Fact]
    public void News_cannot_ask_for_acknowledgement()
    {
        var article = new Article(ContentKind.News, Author, "新闻", Guid.NewGuid(), Now);

        Assert.Throws<ContentWorkflowException>(() => article.SetNoticeOptions(requiresAcknowledgement: true, pinned: false, null));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task The_workflow_and_its_history_survive_a_round_trip(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using (var db = database.OpenDb())
        {
            var audience = Audience.ForEveryone();
            db.Audiences.Add(audience);
            var article = new Article(ContentKind.Notice, Author, "放假通知", audience.Id, Now);
            article.SetNoticeOptions(requiresAcknowledgement: true, pinned: true, Now.AddDays(7));
            article.Submit(Author, Now.AddMinutes(1));
            article.Reject(Reviewer, "请补充时间", Now.AddMinutes(2));
            article.Submit(Author, Now.AddMinutes(3));
            article.Approve(Reviewer, Now.AddMinutes(4));
            article.Publish(Reviewer, Now.AddMinutes(5));
            db.Articles.Add(article);
            await db.SaveChangesAsync();
        }

        await using var reader = database.OpenDb();
        var stored = await reader.Articles.AsNoTracking().Include(a => a.History).SingleAsync();
        Assert.Equal(ContentStatus.Published, stored.Status);
        Assert.Equal(Now.AddMinutes(5), stored.PublishedAt);
        Assert.True(stored.RequiresAcknowledgement && stored.Pinned);
        Assert.Equal(
            ["created", "submitted", "rejected", "submitted", "approved", "published"],
            stored.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => h.Action));
        Assert.Equal("请补充时间", stored.History.Single(h => h.Action == "rejected").Detail);
    }

    private static Article In(ContentStatus status) =>
        ArticleMoves.To(new Article(ContentKind.Notice, Author, "通知", Guid.NewGuid(), Now), status, Author, Reviewer, Now);

    private static void Apply(Article article, Move move)
    {
        switch (move)
        {
            case Move.Edit:
                article.Edit(Author, "新标题", null, "<p>正文</p>", null, Now);
                break;
            case Move.Submit:
                article.Submit(Author, Now);
                break;
            case Move.Approve:
                article.Approve(Reviewer, Now);
                break;
            case Move.Reject:
                article.Reject(Reviewer, "需要修改", Now);
                break;
            case Move.Publish:
                article.Publish(Reviewer, Now);
                break;
            case Move.Expire:
                article.Expire(Now);
                break;
            case Move.Archive:
                article.Archive(Reviewer, Now);
                break;
            case Move.Delete:
                article.Delete(Author, Now);
                break;
        }
    }
}

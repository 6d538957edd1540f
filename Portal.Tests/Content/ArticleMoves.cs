using Portal.Domain.Content;

namespace Portal.Tests.Content;

/// <summary>Moves a fresh item along the workflow's happy path to a status (Rejected through a rejection, Deleted as a deleted draft).</summary>
public static class ArticleMoves
{
    public static Article To(Article article, ContentStatus status, Guid author, Guid reviewer, DateTime at)
    {
        if (status == ContentStatus.Draft)
        {
            return article;
        }

        if (status == ContentStatus.Deleted)
        {
            article.Delete(author, at);
            return article;
        }

        article.Submit(author, at);
        if (status == ContentStatus.Rejected)
        {
            article.Reject(reviewer, "再改改", at);
        }

        if (status is ContentStatus.Submitted or ContentStatus.Rejected)
        {
            return article;
        }

        article.Approve(reviewer, at);
        if (status == ContentStatus.Approved)
        {
            return article;
        }

        article.Publish(reviewer, at);
        if (status == ContentStatus.Expired)
        {
            article.Expire(at);
        }
        else if (status == ContentStatus.Archived)
        {
            article.Archive(reviewer, at);
        }

        return article;
    }
}

using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Content.Editing;
using Portal.Web.Features.Content.Editing.Files;
using Portal.Web.Features.Content.Workflow;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Content.Editing;

/// <summary>Editing a published item: a revision with its own copies goes through review while the old text stays live.</summary>
public sealed class RevisionTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task A_revision_is_reviewed_while_the_old_text_stays_live_and_replaces_it_on_publish(DatabaseProvider provider)
    {
        await using var bed = await EditingTestBed.StartAsync(provider);
        var audience = new AudienceInput(false, [new AudienceRuleInput(AudienceRuleKind.Department, 2, true, null, null, false)]);
        var saved = await bed.SaveAsync(bed.Editor, EditingTestBed.Draft("原标题", "<p>原文</p>", audience));
        var cover = await UploadAsync(bed, saved.Id, ContentFilePurpose.Cover, "cover.png", TestFiles.Png);
        var attachment = await UploadAsync(bed, saved.Id, ContentFilePurpose.Attachment, "议程.pdf", TestFiles.Pdf);
        await bed.RunAsync<SubmitArticle>(u => u.RunAsync(saved.Id, bed.Editor, default));
        await bed.RunAsync<ApproveArticle>(u => u.RunAsync(saved.Id, bed.Approver, default));
        await bed.RunAsync<PublishArticle>(u => u.RunAsync(saved.Id, bed.Approver, null, false, default));
        var live = await bed.ArticleAsync(saved.Id);

        var revisionId = await bed.RunAsync<ReviseArticle, Guid>(u => u.RunAsync(saved.Id, bed.Editor, default));
        Assert.Equal(revisionId, await bed.RunAsync<ReviseArticle, Guid>(u => u.RunAsync(saved.Id, bed.Editor, default)));

        await using (var db = await bed.DbAsync())
        {
            var revision = await db.Articles.AsNoTracking().SingleAsync(a => a.Id == revisionId);
            Assert.Equal((ContentStatus.Draft, saved.Id, "原标题"), (revision.Status, revision.RevisionOfId, revision.Title));
            Assert.NotEqual(live.AudienceId, revision.AudienceId);
            var copiedRules = await db.AudienceRules.AsNoTracking().Where(r => r.AudienceId == revision.AudienceId).ToListAsync();
            Assert.Equal((AudienceRuleKind.Department, 2L, true), (Assert.Single(copiedRules).Kind, copiedRules[0].DepartmentId!.Value, copiedRules[0].IncludeSubdepartments));
            var copies = await db.ContentFiles.AsNoTracking().Where(f => f.ArticleId == revisionId).ToListAsync();
            Assert.Equal(2, copies.Count);
            Assert.DoesNotContain(copies, f => f.Id == cover.Id || f.Id == attachment.Id);
            Assert.Equal(copies.Single(f => f.Purpose == ContentFilePurpose.Cover).Id, revision.CoverImageId);
            Assert.Equal(TestFiles.Png, copies.Single(f => f.Purpose == ContentFilePurpose.Cover).Bytes);
        }

        var revisionVersion = (await bed.ArticleAsync(revisionId)).UpdatedAt;
        await bed.SaveAsync(bed.Editor, EditingTestBed.Draft("新标题", "<p>新的正文</p>", audience), revisionId, revisionVersion);
        await bed.RunAsync<SubmitArticle>(u => u.RunAsync(revisionId, bed.Editor, default));
        await bed.RunAsync<ApproveArticle>(u => u.RunAsync(revisionId, bed.Approver, default));
        var stillLive = await bed.ArticleAsync(saved.Id);
        Assert.Equal((ContentStatus.Published, "原标题", "<p>原文</p>"), (stillLive.Status, stillLive.Title, stillLive.Body));

        await bed.RunAsync<PublishArticle>(u => u.RunAsync(revisionId, bed.Approver, null, false, default));

        var replaced = await bed.ArticleAsync(saved.Id);
        Assert.Equal((ContentStatus.Published, "新标题", "<p>新的正文</p>"), (replaced.Status, replaced.Title, replaced.Body));
        Assert.Equal(ContentStatus.Archived, (await bed.ArticleAsync(revisionId)).Status);
        await using var after = await bed.DbAsync();
        var files = await after.ContentFiles.AsNoTracking().Where(f => f.ArticleId == saved.Id).ToListAsync();
        Assert.Equal(2, files.Count);
        Assert.Equal(files.Single(f => f.Purpose == ContentFilePurpose.Cover).Id, replaced.CoverImageId);
        Assert.False(await after.ContentFiles.AnyAsync(f => f.Id == cover.Id || f.Id == attachment.Id));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Only_published_items_are_revised_and_only_by_their_author_or_an_admin(DatabaseProvider provider)
    {
        await using var bed = await EditingTestBed.StartAsync(provider);
        var approved = await bed.ApprovedAsync("待发布");
        var published = await bed.ApprovedAsync("已发布", publish: true);

        var notPublished = await Assert.ThrowsAsync<ContentWorkflowException>(() => bed.RunAsync<ReviseArticle, Guid>(u => u.RunAsync(approved, bed.Editor, default)));
        var approver = await Assert.ThrowsAsync<EditingException>(() => bed.RunAsync<ReviseArticle, Guid>(u => u.RunAsync(published, bed.Approver, default)));
        Assert.Equal(("not-published", "forbidden"), (notPublished.Code, approver.Code));

        var byAdmin = await bed.RunAsync<ReviseArticle, Guid>(u => u.RunAsync(published, bed.Admin, default));
        Assert.Equal(bed.Admin, (await bed.ArticleAsync(byAdmin)).AuthorId);
    }

    private static Task<UploadedFile> UploadAsync(EditingTestBed bed, Guid articleId, ContentFilePurpose purpose, string name, byte[] bytes) =>
        bed.RunAsync<UploadContentFile, UploadedFile>(u => u.RunAsync(articleId, bed.Editor, purpose, name, new MemoryStream(bytes), default));
}

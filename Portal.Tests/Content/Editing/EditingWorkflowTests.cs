using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.People;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Content.Editing;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Content.Editing;

/// <summary>Writing and reviewing through the use cases the editor pages call, on both databases.</summary>
public sealed class EditingWorkflowTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Nobody_approves_their_own_item_and_only_approvers_approve(DatabaseProvider provider)
    {
        await using var bed = await EditingTestBed.StartAsync(provider);
        var saved = await bed.SaveAsync(bed.EditorApprover, EditingTestBed.Draft("季度总结"));
        await bed.RunAsync<SubmitArticle>(u => u.RunAsync(saved.Id, bed.EditorApprover, default));

        var own = await Assert.ThrowsAsync<ContentWorkflowException>(() => bed.RunAsync<ApproveArticle>(u => u.RunAsync(saved.Id, bed.EditorApprover, default)));
        var ownReject = await Assert.ThrowsAsync<ContentWorkflowException>(() => bed.RunAsync<RejectArticle>(u => u.RunAsync(saved.Id, bed.EditorApprover, "不行", default)));
        var editor = await Assert.ThrowsAsync<EditingException>(() => bed.RunAsync<ApproveArticle>(u => u.RunAsync(saved.Id, bed.OtherEditor, default)));
        Assert.Equal(("four-eyes", "four-eyes"), (own.Code, ownReject.Code));
        Assert.Equal("not-found", editor.Code);
        Assert.Equal(ContentStatus.Submitted, (await bed.ArticleAsync(saved.Id)).Status);

        await bed.RunAsync<ApproveArticle>(u => u.RunAsync(saved.Id, bed.Approver, default));

        var approved = await bed.ArticleAsync(saved.Id);
        Assert.Equal(ContentStatus.Approved, approved.Status);
        Assert.Equal(bed.Approver, approved.ReviewedById);
        Assert.Equal(["approved", "created", "edited", "submitted"], approved.History.Select(h => h.Action).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task A_rejection_needs_a_comment_and_the_author_reworks_and_resubmits(DatabaseProvider provider)
    {
        await using var bed = await EditingTestBed.StartAsync(provider);
        var saved = await bed.SaveAsync(bed.Editor, EditingTestBed.Draft("放假通知"));
        await bed.RunAsync<SubmitArticle>(u => u.RunAsync(saved.Id, bed.Editor, default));

        var empty = await Assert.ThrowsAsync<EditingException>(() => bed.RunAsync<RejectArticle>(u => u.RunAsync(saved.Id, bed.Approver, "  ", default)));
        Assert.Equal(("comment-required", "comment"), (empty.Code, empty.Field));
        Assert.Equal(ContentStatus.Submitted, (await bed.ArticleAsync(saved.Id)).Status);

        await bed.RunAsync<RejectArticle>(u => u.RunAsync(saved.Id, bed.Approver, "请写明放假日期", default));
        var rejected = await bed.ArticleAsync(saved.Id);
        Assert.Equal((ContentStatus.Rejected, "请写明放假日期"), (rejected.Status, rejected.RejectionComment));

        await bed.SaveAsync(bed.Editor, EditingTestBed.Draft("放假通知：10月1日至7日"), saved.Id, rejected.UpdatedAt);
        await bed.RunAsync<SubmitArticle>(u => u.RunAsync(saved.Id, bed.Editor, default));
        var resubmitted = await bed.ArticleAsync(saved.Id);
        Assert.Equal((ContentStatus.Submitted, "放假通知：10月1日至7日"), (resubmitted.Status, resubmitted.Title));
        Assert.Null(resubmitted.RejectionComment);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Only_the_author_or_an_admin_edits_a_draft_and_a_stale_save_is_refused(DatabaseProvider provider)
    {
        await using var bed = await EditingTestBed.StartAsync(provider);
        var saved = await bed.SaveAsync(bed.Editor, EditingTestBed.Draft("我的草稿"));

        var otherEditor = await Assert.ThrowsAsync<EditingException>(() => bed.SaveAsync(bed.OtherEditor, EditingTestBed.Draft("改掉"), saved.Id));
        var approver = await Assert.ThrowsAsync<EditingException>(() => bed.SaveAsync(bed.Approver, EditingTestBed.Draft("改掉"), saved.Id));
        var reader = await Assert.ThrowsAsync<EditingException>(() => bed.SaveAsync(bed.Reader, EditingTestBed.Draft("新的")));
        var submit = await Assert.ThrowsAsync<EditingException>(() => bed.RunAsync<SubmitArticle>(u => u.RunAsync(saved.Id, bed.OtherEditor, default)));
        Assert.Equal(["not-found", "forbidden", "forbidden", "not-found"], new[] { otherEditor.Code, approver.Code, reader.Code, submit.Code });
        Assert.Equal("我的草稿", (await bed.ArticleAsync(saved.Id)).Title);

        var byAdmin = await bed.SaveAsync(bed.Admin, EditingTestBed.Draft("管理员改过"), saved.Id, saved.Version);
        Assert.Equal("管理员改过", (await bed.ArticleAsync(saved.Id)).Title);

        bed.Portal.Time.Advance(TimeSpan.FromMinutes(1));
        await bed.SaveAsync(bed.Editor, EditingTestBed.Draft("作者再改"), saved.Id, byAdmin.Version);
        var stale = await Assert.ThrowsAsync<EditingException>(() => bed.SaveAsync(bed.Admin, EditingTestBed.Draft("旧版本"), saved.Id, byAdmin.Version));
        Assert.Equal("edit-conflict", stale.Code);
        Assert.Equal("作者再改", (await bed.ArticleAsync(saved.Id)).Title);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task The_body_is_sanitized_and_the_audience_lives_in_the_items_own_row(DatabaseProvider provider)
    {
        await using var bed = await EditingTestBed.StartAsync(provider);
        var audience = new AudienceInput(false, [
            new AudienceRuleInput(AudienceRuleKind.Department, Department.RootId, true, null, null, false),
            new AudienceRuleInput(AudienceRuleKind.Person, null, false, null, bed.Outsider, true),
        ]);
        var body = "<p onclick=\"steal()\">你好<script>alert(1)</script><img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">链接</a></p>";

        var first = await bed.SaveAsync(bed.Editor, EditingTestBed.Draft("通知", body, audience, ContentKind.Notice));
        var second = await bed.SaveAsync(bed.Editor, EditingTestBed.Draft("通知二", "<p>二</p>", audience, ContentKind.Notice));

        await using var db = await bed.DbAsync();
        var stored = await db.Articles.AsNoTracking().SingleAsync(a => a.Id == first.Id);
        Assert.Contains("你好", stored.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("script", stored.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", stored.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", stored.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", stored.Body, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(stored.AudienceId, (await db.Articles.AsNoTracking().SingleAsync(a => a.Id == second.Id)).AudienceId);
        var members = await AudienceMembers.Resolve(db, await db.Audiences.Include(a => a.Rules).SingleAsync(a => a.Id == stored.AudienceId)).Select(p => p.Id).ToListAsync();
        Assert.Contains(bed.Reader, members);
        Assert.DoesNotContain(bed.Outsider, members);

        var unknown = new AudienceInput(false, [new AudienceRuleInput(AudienceRuleKind.Department, 999, false, null, null, false)]);
        var refused = await Assert.ThrowsAsync<EditingException>(() => bed.SaveAsync(bed.Editor, EditingTestBed.Draft("通知", audience: unknown), first.Id));
        Assert.Equal(("audience-unknown-department", "audience"), (refused.Code, refused.Field));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Nothing_is_submitted_that_reaches_nobody_or_has_expired(DatabaseProvider provider)
    {
        await using var bed = await EditingTestBed.StartAsync(provider);
        var nobody = new AudienceInput(false, [new AudienceRuleInput(AudienceRuleKind.Person, null, false, null, bed.Reader, true)]);
        var saved = await bed.SaveAsync(bed.Editor, EditingTestBed.Draft("空的受众", audience: nobody));

        var empty = await Assert.ThrowsAsync<EditingException>(() => bed.RunAsync<SubmitArticle>(u => u.RunAsync(saved.Id, bed.Editor, default)));
        var expired = EditingTestBed.Draft("过期") with { ExpiresAt = bed.Now.AddMinutes(-1) };
        await bed.SaveAsync(bed.Editor, expired, saved.Id);
        var past = await Assert.ThrowsAsync<EditingException>(() => bed.RunAsync<SubmitArticle>(u => u.RunAsync(saved.Id, bed.Editor, default)));

        Assert.Equal(("audience-empty", "expires-in-past"), (empty.Code, past.Code));
        Assert.Equal(ContentStatus.Draft, (await bed.ArticleAsync(saved.Id)).Status);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Archiving_takes_a_published_item_off_and_another_editor_cannot(DatabaseProvider provider)
    {
        await using var bed = await EditingTestBed.StartAsync(provider);
        var id = await bed.ApprovedAsync("旧闻", publish: true);

        var otherEditor = await Assert.ThrowsAsync<EditingException>(() => bed.RunAsync<ArchiveArticle>(u => u.RunAsync(id, bed.OtherEditor, default)));
        Assert.Equal("not-found", otherEditor.Code);
        Assert.Equal(ContentStatus.Published, (await bed.ArticleAsync(id)).Status);
        await bed.RunAsync<ArchiveArticle>(u => u.RunAsync(id, bed.Editor, default));

        Assert.Equal(ContentStatus.Archived, (await bed.ArticleAsync(id)).Status);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Rules_added_to_a_saved_draft_are_stored_and_submitted_as_they_are(DatabaseProvider provider)
    {
        await using var bed = await EditingTestBed.StartAsync(provider);
        var saved = await bed.SaveAsync(bed.Editor, EditingTestBed.Draft("部门通知"));
        var sales = new AudienceInput(false, [
            new AudienceRuleInput(AudienceRuleKind.Department, 2, true, null, null, false),
            new AudienceRuleInput(AudienceRuleKind.Person, null, false, null, bed.Outsider, false),
        ]);

        var again = await bed.SaveAsync(bed.Editor, EditingTestBed.Draft("部门通知", audience: sales), saved.Id, saved.Version);
        var onlySales = new AudienceInput(false, [sales.Rules[0]]);
        await bed.SaveAsync(bed.Editor, EditingTestBed.Draft("部门通知", audience: onlySales), saved.Id, again.Version);
        await bed.SaveAsync(bed.Editor, EditingTestBed.Draft("部门通知", audience: sales), saved.Id, again.Version);

        await using var db = await bed.DbAsync();
        var audienceId = (await bed.ArticleAsync(saved.Id)).AudienceId;
        var audience = await db.Audiences.AsNoTracking().Include(a => a.Rules).SingleAsync(a => a.Id == audienceId);
        Assert.False(audience.Everyone);
        Assert.Equal(sales.Rules, audience.Rules.Select(AudienceRuleInput.From).OrderBy(r => r.Kind));
        var reach = await DraftReach.StoredAsync(db, audienceId, default);
        Assert.Equal(await AudienceMembers.Resolve(db, audience).CountAsync(), reach.People);

        var stale = await Assert.ThrowsAsync<EditingException>(() => bed.RunAsync<SubmitArticle>(u => u.RunAsync(saved.Id, bed.Editor, reach with { People = reach.People + 1 }, default)));
        Assert.Equal(("audience-changed", ContentStatus.Draft), (stale.Code, (await bed.ArticleAsync(saved.Id)).Status));
        await bed.RunAsync<SubmitArticle>(u => u.RunAsync(saved.Id, bed.Editor, reach, default));
        Assert.Equal(ContentStatus.Submitted, (await bed.ArticleAsync(saved.Id)).Status);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Only_the_author_or_an_admin_deletes_a_draft_or_rejected_item_and_a_published_one_stays(DatabaseProvider provider)
    {
        await using var bed = await EditingTestBed.StartAsync(provider);
        var draft = await bed.SaveAsync(bed.Editor, EditingTestBed.Draft("草稿"));
        var rejected = await bed.SaveAsync(bed.Editor, EditingTestBed.Draft("被退回的"));
        await bed.RunAsync<SubmitArticle>(u => u.RunAsync(rejected.Id, bed.Editor, default));
        await bed.RunAsync<RejectArticle>(u => u.RunAsync(rejected.Id, bed.Approver, "重写", default));
        var published = await bed.ApprovedAsync("已发布", publish: true);

        var otherEditor = await Assert.ThrowsAsync<EditingException>(() => bed.RunAsync<DeleteArticle>(u => u.RunAsync(draft.Id, bed.OtherEditor, default)));
        var approver = await Assert.ThrowsAsync<EditingException>(() => bed.RunAsync<DeleteArticle>(u => u.RunAsync(rejected.Id, bed.Approver, default)));
        var live = await Assert.ThrowsAsync<ContentWorkflowException>(() => bed.RunAsync<DeleteArticle>(u => u.RunAsync(published, bed.Editor, default)));
        Assert.Equal(("not-found", "forbidden", "not-deletable"), (otherEditor.Code, approver.Code, live.Code));
        Assert.Equal(ContentStatus.Published, (await bed.ArticleAsync(published)).Status);

        await bed.RunAsync<DeleteArticle>(u => u.RunAsync(draft.Id, bed.Editor, default));
        await bed.RunAsync<DeleteArticle>(u => u.RunAsync(rejected.Id, bed.Admin, default));

        var deleted = await bed.ArticleAsync(draft.Id);
        Assert.Equal(ContentStatus.Deleted, deleted.Status);
        Assert.Contains(deleted.History, h => h.Action == "deleted" && h.ActorId == bed.Editor);
        Assert.Contains((await bed.ArticleAsync(rejected.Id)).History, h => h.Action == "deleted" && h.ActorId == bed.Admin);
        var again = await Assert.ThrowsAsync<EditingException>(() => bed.RunAsync<DeleteArticle>(u => u.RunAsync(draft.Id, bed.Editor, default)));
        var edit = await Assert.ThrowsAsync<EditingException>(() => bed.SaveAsync(bed.Editor, EditingTestBed.Draft("复活"), draft.Id));
        Assert.Equal(("not-found", "not-found"), (again.Code, edit.Code));
        await using var db = await bed.DbAsync();
        Assert.Equal([published], (await EditorQueries.MineAsync(db, bed.Editor, default)).Select(r => r.Id));
    }
}

using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.Data;
using Portal.Domain.People;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Content.Editing;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Content.Editing;

/// <summary>
/// A portal on the chosen database with a small newsroom: two editors, an approver who also writes, a
/// plain approver, an admin, and two readers in different departments.
/// </summary>
public sealed class EditingTestBed : IAsyncDisposable
{
    private EditingTestBed(KestrelPortal portal) => Portal = portal;

    public KestrelPortal Portal { get; }

    public Guid Editor { get; private set; }

    public Guid OtherEditor { get; private set; }

    /// <summary>Both editor and approver: the four-eyes case.</summary>
    public Guid EditorApprover { get; private set; }

    public Guid Approver { get; private set; }

    public Guid Admin { get; private set; }

    /// <summary>In department 2 (Sales).</summary>
    public Guid Reader { get; private set; }

    /// <summary>In department 3 (Finance).</summary>
    public Guid Outsider { get; private set; }

    public DateTime Now => Portal.Now;

    public static async Task<EditingTestBed> StartAsync(DatabaseProvider provider, IDictionary<string, string?>? settings = null)
    {
        var bed = new EditingTestBed(await KestrelPortal.StartAsync(settings, provider));
        await bed.SeedAsync();
        return bed;
    }

    public Task<T> RunAsync<TUseCase, T>(Func<TUseCase, Task<T>> action)
        where TUseCase : notnull => Portal.RunAsync(action);

    public Task RunAsync<TUseCase>(Func<TUseCase, Task> action)
        where TUseCase : notnull => Portal.RunAsync(action);

    public Task<PortalDb> DbAsync() => Task.FromResult(Portal.Db());

    public async Task<Article> ArticleAsync(Guid id)
    {
        await using var db = await DbAsync();
        return await db.Articles.AsNoTracking().Include(a => a.History).SingleAsync(a => a.Id == id);
    }

    public static DraftInput Draft(string title, string body = "<p>正文</p>", AudienceInput? audience = null, ContentKind kind = ContentKind.News) =>
        new(kind, title, "摘要", body, "公司新闻", false, false, null, Notify: false, audience ?? AudienceInput.ForEveryone());

    public Task<SavedDraft> SaveAsync(Guid by, DraftInput input, Guid? id = null, DateTime? version = null) =>
        RunAsync<SaveDraft, SavedDraft>(u => u.RunAsync(id, by, input, version, CancellationToken.None));

    /// <summary>Writes, submits and approves an item; <paramref name="publish"/> also takes it live.</summary>
    public async Task<Guid> ApprovedAsync(string title, AudienceInput? audience = null, bool publish = false)
    {
        var saved = await SaveAsync(Editor, Draft(title, audience: audience));
        await RunAsync<SubmitArticle>(u => u.RunAsync(saved.Id, Editor, CancellationToken.None));
        await RunAsync<ApproveArticle>(u => u.RunAsync(saved.Id, Approver, CancellationToken.None));
        if (publish)
        {
            await RunAsync<Portal.Web.Features.Content.Workflow.PublishArticle>(u => u.RunAsync(saved.Id, Approver, null, false, CancellationToken.None));
        }

        return saved.Id;
    }

    public ValueTask DisposeAsync() => Portal.DisposeAsync();

    private async Task SeedAsync()
    {
        await using var db = await DbAsync();
        var at = Now;
        TestDirectory.AddDepartments(db, (Department.RootId, "公司", null), (2, "销售部", Department.RootId), (3, "财务部", Department.RootId));
        Editor = Add(db, "editor", 2, at);
        OtherEditor = Add(db, "editor2", 2, at);
        EditorApprover = Add(db, "editor-approver", 2, at);
        Approver = Add(db, "approver", 3, at);
        Admin = Add(db, "admin", 3, at);
        Reader = Add(db, "reader", 2, at);
        Outsider = Add(db, "outsider", 3, at);
        await db.SaveChangesAsync();

        await GrantAsync(db, Role.Editor, Editor, OtherEditor, EditorApprover);
        await GrantAsync(db, Role.Approver, EditorApprover, Approver);
        await GrantAsync(db, Role.Admin, Admin);
    }

    private static Guid Add(PortalDb db, string userId, long department, DateTime at) =>
        TestDirectory.AddPerson(db, "t-" + userId, at, department, name: userId).Id;

    private static async Task GrantAsync(PortalDb db, string roleKey, params Guid[] people)
    {
        var role = await db.Roles.SingleAsync(r => r.Key == roleKey);
        db.RoleRules.AddRange(people.Select(p => new RoleRule { RoleId = role.Id, Kind = RoleRuleKind.Person, PersonId = p }));
        await db.SaveChangesAsync();
        await RoleMembership.RecomputeAsync(db, mapDingTalkAdmins: false, null, CancellationToken.None);
    }
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.DingTalk.Client.Contacts;
using Portal.DingTalk.Events;
using Portal.Domain.Data;
using Portal.Domain.DingTalkEvents;
using Portal.Domain.People;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.People.Events;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.People;

/// <summary>
/// Org events from DingTalk update exactly the people and departments they name, at once, and a
/// leaver's session ends: the simulator's contacts API changes the organisation, its callback reaches
/// the portal over HTTP, and the portal's worker applies it.
/// </summary>
public sealed class OrgEventTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_leaver_is_deactivated_at_once_and_their_session_is_refused(DatabaseProvider provider)
    {
        await using var portal = await KestrelPortal.StartAsync(provider: provider);
        using var browser = Browser(portal);
        using var colleagueBrowser = Browser(portal);
        var userId = await TestSignIn.AsDemoPersonAsync(browser);
        var colleague = await TestSignIn.AsDemoPersonAsync(colleagueBrowser, 1);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("api/me", UriKind.Relative))).StatusCode);

        await portal.Get<UserClient>().DeleteAsync(userId, default);

        // At once nothing is allowed; once the session re-checks (SignIn:RevalidateSeconds, 30) it is over.
        await EventuallyInactiveAsync(portal, userId);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(new Uri("api/me", UriKind.Relative))).StatusCode);
        portal.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(new Uri("api/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync(new Uri("me", UriKind.Relative))).StatusCode);
        await using var db = await OpenAsync(portal);
        Assert.True(await db.People.AnyAsync(p => p.UserId == colleague && p.Active));
        var received = Assert.Single(await db.ReceivedDingTalkEvents.Where(e => e.EventType == OrgEventTypes.UserLeaveOrg).ToListAsync());
        Assert.NotNull(received.ProcessedAt);
        Assert.Null(received.Error);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_change_in_DingTalk_updates_that_person_and_nobody_else(DatabaseProvider provider)
    {
        await using var portal = await KestrelPortal.StartAsync(provider: provider);
        var (changed, other) = await SignInTwoAsync(portal);
        var department = await portal.Get<DepartmentClient>().CreateAsync(new DepartmentCreateRequest("事件测试部", DepartmentClient.RootDeptId), default);
        var otherBefore = await PersonAsync(portal, other);

        await portal.Get<UserClient>().UpdateAsync(new UserUpdateRequest(changed) { Name = "改名后", Title = "新职位", DeptIds = [department] }, default);

        var person = await KestrelPortal.EventuallyAsync(() => PersonAsync(portal, changed), p => p.Name == "改名后", "the rename");
        Assert.Equal("新职位", person.Title);
        Assert.Equal([department], person.Departments.Select(d => d.DepartmentId));
        await using var db = await OpenAsync(portal);
        Assert.Equal("事件测试部", (await db.Departments.SingleAsync(d => d.Id == department)).Name);
        var otherAfter = await PersonAsync(portal, other);
        Assert.Equal((otherBefore.Name, otherBefore.UpdatedAt), (otherAfter.Name, otherAfter.UpdatedAt));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Departments_are_created_renamed_moved_and_removed_as_DingTalk_says(DatabaseProvider provider)
    {
        await using var portal = await KestrelPortal.StartAsync(provider: provider);
        var departments = portal.Get<DepartmentClient>();
        var upper = await departments.CreateAsync(new DepartmentCreateRequest("上级部", DepartmentClient.RootDeptId), default);
        var lower = await departments.CreateAsync(new DepartmentCreateRequest("下级部", upper), default);
        var team = await departments.CreateAsync(new DepartmentCreateRequest("小组", lower), default);
        await EventuallyAsync(portal, db => db.Departments.AnyAsync(d => d.Id == team), "the new departments");
        Assert.Equal([(DepartmentClient.RootDeptId, 3), (upper, 2), (lower, 1), (team, 0)], await AncestorsAsync(portal, team));

        await departments.UpdateAsync(new DepartmentUpdateRequest(upper) { Name = "上级部改名" }, default);
        await departments.UpdateAsync(new DepartmentUpdateRequest(lower) { ParentId = DepartmentClient.RootDeptId }, default);

        await EventuallyAsync(portal, async db => (await db.Departments.SingleAsync(d => d.Id == lower)).ParentId == DepartmentClient.RootDeptId, "the move");
        await EventuallyAsync(portal, async db => (await db.Departments.SingleAsync(d => d.Id == upper)).Name == "上级部改名", "the rename");
        Assert.Equal([(DepartmentClient.RootDeptId, 2), (lower, 1), (team, 0)], await AncestorsAsync(portal, team));

        await departments.DeleteAsync(team, default);

        await EventuallyAsync(portal, async db => !await db.Departments.AnyAsync(d => d.Id == team), "the removal");
        await using var after = await OpenAsync(portal);
        Assert.False(await after.DepartmentClosures.AnyAsync(c => c.DescendantId == team || c.AncestorId == team));
        Assert.True(await after.Departments.AnyAsync(d => d.Id == upper));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_event_delivered_again_by_another_channel_changes_nothing_more(DatabaseProvider provider)
    {
        await using var portal = await KestrelPortal.StartAsync(provider: provider);
        var (userId, _) = await SignInTwoAsync(portal);
        await portal.Get<UserClient>().UpdateAsync(new UserUpdateRequest(userId) { Title = "一次" }, default);
        var applied = await KestrelPortal.EventuallyAsync(() => PersonAsync(portal, userId), p => p.Title == "一次", "the change");
        var (people, memberships) = await CountsAsync(portal);

        // The same change pushed again over Stream carries no event id: a new inbox row, applied again.
        await using (var db = await OpenAsync(portal))
        {
            db.ReceivedDingTalkEvents.Add(new ReceivedDingTalkEvent
            {
                DedupeKey = "test:replay", EventType = OrgEventTypes.UserModifyOrg, Channel = "stream",
                Payload = $$"""{"userId":["{{userId}}"],"timeStamp":"1700000000000"}""", ReceivedAt = portal.Time.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        }

        portal.Get<OrgEventSignal>().Raise();

        await EventuallyAsync(portal, async db => (await db.ReceivedDingTalkEvents.SingleAsync(e => e.DedupeKey == "test:replay")).ProcessedAt is not null, "the replay");
        var again = await PersonAsync(portal, userId);
        Assert.Equal((applied.Id, applied.Title, applied.Active), (again.Id, again.Title, again.Active));
        Assert.Equal((people, memberships), await CountsAsync(portal));
    }

    [Fact]
    public async Task A_leaver_is_deactivated_even_while_DingTalk_cannot_be_asked_and_a_change_waits_for_it()
    {
        // The test applies the events itself, so that nothing applies them before DingTalk is down.
        await using var portal = await KestrelPortal.StartAsync(new Dictionary<string, string?> { ["Import:RunInBackground"] = "false" });
        var (leaver, changed) = await SignInTwoAsync(portal);
        await portal.Get<UserClient>().UpdateAsync(new UserUpdateRequest(changed) { Title = "等钉钉" }, default);
        await portal.Get<UserClient>().DeleteAsync(leaver, default);
        await KestrelPortal.EventuallyAsync(portal.InboxAsync, inbox => inbox.Count == 2, "both events");
        await portal.SetFaultsAsync(new { outage = "unavailable" });

        await ApplyNowAsync(portal);

        Assert.False((await PersonAsync(portal, leaver)).Active);
        await using (var db = await OpenAsync(portal))
        {
            var waiting = await db.ReceivedDingTalkEvents.SingleAsync(e => e.EventType == OrgEventTypes.UserModifyOrg);
            Assert.Null(waiting.ProcessedAt);
            Assert.Equal(1, waiting.Attempts);
            Assert.StartsWith("DingTalk", waiting.Error, StringComparison.Ordinal);
        }

        await portal.SetFaultsAsync(new { outage = "none" });
        await ApplyNowAsync(portal);
        Assert.NotEqual("等钉钉", (await PersonAsync(portal, changed)).Title);
        portal.Time.Advance(TimeSpan.FromSeconds(6));
        await ApplyNowAsync(portal);

        Assert.Equal("等钉钉", (await PersonAsync(portal, changed)).Title);
        await using var end = await OpenAsync(portal);
        Assert.All(await end.ReceivedDingTalkEvents.ToListAsync(), e => Assert.NotNull(e.ProcessedAt));
    }

    private static HttpClient Browser(KestrelPortal portal) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = portal.Http.BaseAddress };

    private static async Task<(string First, string Second)> SignInTwoAsync(KestrelPortal portal)
    {
        using var first = Browser(portal);
        using var second = Browser(portal);
        return (await TestSignIn.AsDemoPersonAsync(first), await TestSignIn.AsDemoPersonAsync(second, 1));
    }

    private static Task<PortalDb> OpenAsync(KestrelPortal portal) => portal.Get<IDbContextFactory<PortalDb>>().CreateDbContextAsync();

    private static async Task ApplyNowAsync(KestrelPortal portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var apply = scope.ServiceProvider.GetRequiredService<ApplyOrgEvents>();
        while (await apply.RunOnceAsync(default) > 0)
        {
        }
    }

    private static async Task<Person> PersonAsync(KestrelPortal portal, string userId)
    {
        await using var db = await OpenAsync(portal);
        return await db.People.AsNoTracking().Include(p => p.Departments).SingleAsync(p => p.UserId == userId);
    }

    private static Task<Person> EventuallyInactiveAsync(KestrelPortal portal, string userId) =>
        KestrelPortal.EventuallyAsync(() => PersonAsync(portal, userId), p => !p.Active, "the deactivation");

    private static Task<bool> EventuallyAsync(KestrelPortal portal, Func<PortalDb, Task<bool>> check, string what) =>
        KestrelPortal.EventuallyAsync(
            async () =>
            {
                await using var db = await OpenAsync(portal);
                return await check(db);
            },
            done => done,
            what);

    private static async Task<List<(long, int)>> AncestorsAsync(KestrelPortal portal, long departmentId)
    {
        await using var db = await OpenAsync(portal);
        var rows = await db.DepartmentClosures.AsNoTracking().Where(c => c.DescendantId == departmentId).OrderByDescending(c => c.Distance).ToListAsync();
        return [.. rows.Select(c => (c.AncestorId, c.Distance))];
    }

    private static async Task<(int People, int Memberships)> CountsAsync(KestrelPortal portal)
    {
        await using var db = await OpenAsync(portal);
        return (await db.People.CountAsync(), await db.PersonDepartments.CountAsync());
    }
}

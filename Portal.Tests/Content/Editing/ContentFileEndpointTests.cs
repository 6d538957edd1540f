using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.Data;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Content.Editing;
using Portal.Web.Features.Content.Editing.Files;
using Portal.Web.Features.Content.Workflow;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Content.Editing;

/// <summary><c>GET /content/files/{id}</c> serves the item's audience and its editors and reviewers, nobody else.</summary>
public sealed class ContentFileEndpointTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task A_published_items_files_reach_its_audience_and_nobody_outside_it(DatabaseProvider provider)
    {
        await using var portal = await KestrelPortal.StartAsync(provider: provider);
        var (author, authorId) = await PersonAsync(portal, 0, Role.Editor);
        var (approver, approverId) = await PersonAsync(portal, 1, Role.Approver);
        var (reader, readerId) = await PersonAsync(portal, 2, null);
        var (outsider, _) = await PersonAsync(portal, 3, null);
        var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = portal.Http.BaseAddress };
        var audience = new AudienceInput(false, [new AudienceRuleInput(AudienceRuleKind.Person, null, false, null, readerId, false)]);
        var input = new DraftInput(ContentKind.News, "内部新闻", null, "<p>正文</p>", null, false, false, null, false, audience);

        await using var scope = portal.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var draft = await services.GetRequiredService<SaveDraft>().RunAsync(null, authorId, input, null, default);
        var upload = services.GetRequiredService<UploadContentFile>();
        var cover = await upload.RunAsync(draft.Id, authorId, ContentFilePurpose.Cover, "cover.png", new MemoryStream(TestFiles.Png), default);
        var agenda = await upload.RunAsync(draft.Id, authorId, ContentFilePurpose.Attachment, "议程.pdf", new MemoryStream(TestFiles.Pdf), default);

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(author, cover.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(reader, cover.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(approver, cover.Id)).StatusCode);

        await services.GetRequiredService<SubmitArticle>().RunAsync(draft.Id, authorId, default);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(approver, cover.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(reader, cover.Id)).StatusCode);
        await services.GetRequiredService<ApproveArticle>().RunAsync(draft.Id, approverId, default);
        await services.GetRequiredService<PublishArticle>().RunAsync(draft.Id, approverId, null, false, default);

        using var image = await GetAsync(reader, cover.Id);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TestFiles.Png, await image.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", Assert.Single(image.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("inline", image.Content.Headers.ContentDisposition?.DispositionType);

        using var pdf = await GetAsync(reader, agenda.Id);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("attachment", pdf.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("议程.pdf", pdf.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", Assert.Single(pdf.Headers.GetValues("X-Content-Type-Options")));

        using var refused = await GetAsync(outsider, cover.Id);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True((await refused.Content.ReadAsByteArrayAsync()).AsSpan().IndexOf(TestFiles.Png.AsSpan(0, 8)) < 0, "the refusal carries the image");

        using var unknown = await GetAsync(reader, Guid.NewGuid());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("\"code\":\"file-not-found\"", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var signedOut = await GetAsync(anonymous, cover.Id);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith("/signin", signedOut.Headers.Location?.IsAbsoluteUri == true ? signedOut.Headers.Location.AbsolutePath : signedOut.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, Guid fileId) =>
        client.GetAsync(new Uri(ContentFileEndpoint.PathOf(fileId).TrimStart('/'), UriKind.Relative));

    private static async Task<(HttpClient Client, Guid PersonId)> PersonAsync(KestrelPortal portal, int index, string? role)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = portal.Http.BaseAddress };
        var userId = await TestSignIn.AsDemoPersonAsync(client, index);
        if (role is not null)
        {
            await TestRoles.GrantAsync(portal.Services, userId, role);
        }

        await using var db = await portal.Get<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        return (client, await db.People.Where(p => p.UserId == userId).Select(p => p.Id).SingleAsync());
    }
}

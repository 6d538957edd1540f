using Microsoft.EntityFrameworkCore;
using Portal.Domain.Content;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Content.Editing;
using Portal.Web.Features.Content.Editing.Files;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Content.Editing;

/// <summary>Covers and attachments are judged by their content and size; a refused file leaves nothing behind.</summary>
public sealed class ContentFileUploadTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Files_are_refused_by_content_and_size_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var bed = await EditingTestBed.StartAsync(provider);
        var draft = await bed.SaveAsync(bed.Editor, EditingTestBed.Draft("带附件"));

        var exeAsCover = await RefusedAsync(bed, draft.Id, ContentFilePurpose.Cover, "photo.png", TestFiles.Exe);
        var exeAsAttachment = await RefusedAsync(bed, draft.Id, ContentFilePurpose.Attachment, "photo.png", TestFiles.Exe);
        var pdfAsCover = await RefusedAsync(bed, draft.Id, ContentFilePurpose.Cover, "cover.jpg", TestFiles.Pdf);
        var pdfAsDocx = await RefusedAsync(bed, draft.Id, ContentFilePurpose.Attachment, "report.docx", TestFiles.Pdf);
        var script = await RefusedAsync(bed, draft.Id, ContentFilePurpose.Attachment, "run.bat", "@echo off\r\ndel *.*\r\n"u8.ToArray());
        var oversizeCover = await RefusedAsync(bed, draft.Id, ContentFilePurpose.Cover, "big.png", TestFiles.PngOfLength((2 * 1024 * 1024) + 1));
        var empty = await RefusedAsync(bed, draft.Id, ContentFilePurpose.Attachment, "empty.txt", []);

        Assert.Equal(
            ["cover-type", "file-type", "cover-type", "file-type", "file-type", "file-too-large", "file-type"],
            new[] { exeAsCover, exeAsAttachment, pdfAsCover, pdfAsDocx, script, oversizeCover, empty }.Select(e => e.Code));
        Assert.All(new[] { exeAsCover, oversizeCover }, e => Assert.Equal("file", e.Field));
        await using (var db = await bed.DbAsync())
        {
            Assert.Equal(0, await db.ContentFiles.CountAsync());
            Assert.Null((await db.Articles.AsNoTracking().SingleAsync()).CoverImageId);
        }

        var cover = await UploadAsync(bed, draft.Id, ContentFilePurpose.Cover, "cover.jpg", TestFiles.Png);
        var exactlyTwoMegabytes = await UploadAsync(bed, draft.Id, ContentFilePurpose.Cover, "big.png", TestFiles.PngOfLength(2 * 1024 * 1024));
        var notes = await UploadAsync(bed, draft.Id, ContentFilePurpose.Attachment, "..\\..\\会议<纪要>.txt", "第一项：预算\n第二项：招聘\n"u8.ToArray());

        Assert.Equal(("image/png", "image/png"), (cover.ContentType, exactlyTwoMegabytes.ContentType));
        Assert.Equal(("会议_纪要_.txt", "text/plain"), (notes.FileName, notes.ContentType));
        await using var check = await bed.DbAsync();
        Assert.Equal(exactlyTwoMegabytes.Id, (await check.Articles.AsNoTracking().SingleAsync()).CoverImageId);
        Assert.Equal(new HashSet<Guid> { exactlyTwoMegabytes.Id, notes.Id }, (await check.ContentFiles.Select(f => f.Id).ToListAsync()).ToHashSet());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Attachments_have_their_own_limit_and_only_the_author_changes_them(DatabaseProvider provider)
    {
        await using var bed = await EditingTestBed.StartAsync(provider, new Dictionary<string, string?> { ["Content:Files:MaxAttachmentBytes"] = "1000" });
        var draft = await bed.SaveAsync(bed.Editor, EditingTestBed.Draft("附件"));
        var pdf = await UploadAsync(bed, draft.Id, ContentFilePurpose.Attachment, "a.pdf", TestFiles.Pdf);

        var tooLarge = await RefusedAsync(bed, draft.Id, ContentFilePurpose.Attachment, "b.pdf", [.. TestFiles.Pdf, .. new byte[1000]]);
        var stranger = await Assert.ThrowsAsync<EditingException>(() =>
            bed.RunAsync<UploadContentFile, UploadedFile>(u => u.RunAsync(draft.Id, bed.OtherEditor, ContentFilePurpose.Attachment, "c.pdf", new MemoryStream(TestFiles.Pdf), default)));
        var removeByStranger = await Assert.ThrowsAsync<EditingException>(() => bed.RunAsync<RemoveContentFile>(u => u.RunAsync(pdf.Id, bed.OtherEditor, default)));
        Assert.Equal(("file-too-large", "not-found", "not-found"), (tooLarge.Code, stranger.Code, removeByStranger.Code));

        await bed.RunAsync<RemoveContentFile>(u => u.RunAsync(pdf.Id, bed.Editor, default));
        await using var db = await bed.DbAsync();
        Assert.Equal(0, await db.ContentFiles.CountAsync());
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\me\\报告.pdf", "报告.pdf")]
    [InlineData("evil\u202Egpj.exe", "evil_gpj.exe")]
    [InlineData("a\r\nSet-Cookie: x=1.txt", "a__Set-Cookie_ x=1.txt")]
    [InlineData("...", "file")]
    [InlineData("", "file")]
    public void File_names_lose_paths_and_characters_that_mislead_or_break_headers(string name, string expected)
    {
        Assert.Equal(expected, FileNames.Sanitize(name, ContentFile.MaxFileNameLength));
    }

    [Fact]
    public void A_long_name_keeps_its_extension()
    {
        var name = FileNames.Sanitize(new string('长', 300) + ".pdf", ContentFile.MaxFileNameLength);

        Assert.Equal(ContentFile.MaxFileNameLength, name.Length);
        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
    }

    private static Task<UploadedFile> UploadAsync(EditingTestBed bed, Guid articleId, ContentFilePurpose purpose, string name, byte[] bytes) =>
        bed.RunAsync<UploadContentFile, UploadedFile>(u => u.RunAsync(articleId, bed.Editor, purpose, name, new MemoryStream(bytes), default));

    private static Task<EditingException> RefusedAsync(EditingTestBed bed, Guid articleId, ContentFilePurpose purpose, string name, byte[] bytes) =>
        Assert.ThrowsAsync<EditingException>(() => UploadAsync(bed, articleId, purpose, name, bytes));
}

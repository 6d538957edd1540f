using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Todos;

/// <summary>The reference page renders every integration operation in a real browser, from the portal's own document.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ApiReferenceBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_reference_page_lists_the_operations_with_their_bodies()
    {
        await using var host = await KestrelPortal.StartAsync();
        await using var context = await browser.NewContextAsync(BrowserProfile.Desktop, host.BaseUrl);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync("/api/docs");

        var operations = page.GetByTestId("operations").Locator("section");
        await Assertions.Expect(operations).ToHaveCountAsync(6);
        await Assertions.Expect(page.GetByTestId("operations")).ToContainTextAsync("/api/v1/todos/{externalId}");
        await Assertions.Expect(page.GetByTestId("operations")).ToContainTextAsync("\"requiresComment\"");
        Assert.Empty(errors);
    }
}

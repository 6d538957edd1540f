using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Data;
using Portal.Domain.People;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Integration.IntegrationTestKit;

namespace Portal.Tests.Integration;

/// <summary>The integrators' document stays true: its curl example works with the demo key it names.</summary>
public sealed partial class ApiDocumentationTests
{
    [Fact]
    public async Task The_documented_example_creates_a_scheduled_notice_with_the_demo_client()
    {
        var document = await File.ReadAllTextAsync(Path.Combine(Root(), "docs", "integration-api.md"));
        var example = CurlBody().Match(document).Groups[1].Value;
        var key = DemoKey().Match(document).Value;
        await using var portal = await KestrelPortal.StartAsync(new Dictionary<string, string?> { ["Integration:DemoClient:Key"] = key });
        await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync())
        {
            db.Departments.AddRange(new Department(2, "二部", null), new Department(3, "三部", null));
            db.People.Add(new Person("manager01", "经理"));
            await db.SaveChangesAsync();
        }

        var answer = await PostAsync(portal.Http, key, example, "oa-approval-20261123-0042");

        Assert.Equal((201, "scheduled"), (answer.Status, answer.ItemStatus));
    }

    [Fact]
    public async Task Every_problem_code_the_API_answers_is_documented()
    {
        var document = await File.ReadAllTextAsync(Path.Combine(Root(), "docs", "integration-api.md"));
        var feature = Path.Combine(Root(), "Portal.Web", "Features", "Integration");
        var sources = Directory.GetFiles(Path.Combine(feature, "Api"), "*.cs").Concat(Directory.GetFiles(Path.Combine(feature, "Todos"), "*.cs")).Append(Path.Combine(feature, "Keys", "IntegrationKeyHandler.cs"));
        var codes = sources.SelectMany(file => KebabLiteral().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .Append("required").Append("rate-limited").Distinct().ToList();

        Assert.True(codes.Count >= 20, string.Join(", ", codes));
        var missing = codes.Where(code => !document.Contains("`" + code + "`", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "not in docs/integration-api.md: " + string.Join(", ", missing));
    }

    private static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Portal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Portal.sln not found");
    }

    [GeneratedRegex(@"-d '(\{.*?\})'", RegexOptions.Singleline)]
    private static partial Regex CurlBody();

    [GeneratedRegex(@"""([a-z]+(?:-[a-z]+)+)""")]
    private static partial Regex KebabLiteral();

    [GeneratedRegex(@"ptl_demo_[A-Za-z0-9_]+")]
    private static partial Regex DemoKey();
}

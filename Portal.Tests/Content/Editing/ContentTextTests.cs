using System.Text.RegularExpressions;
using Portal.Tests.Foundation;

namespace Portal.Tests.Content.Editing;

/// <summary>Every refusal the editor can meet has a message (both languages: <see cref="ResourceParityTests"/>).</summary>
public sealed partial class ContentTextTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void Every_refusal_code_the_editor_can_meet_has_a_message()
    {
        var sources = new[] { "Portal.Web/Features/Content/Editing", "Portal.Web/Features/Content/Workflow", "Portal.Domain/Content" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories))
            .Select(File.ReadAllText);
        var codes = sources.SelectMany(source => RefusalCode().Matches(source).Select(m => m.Groups[1].Value)).ToHashSet();
        var keys = ResourceTexts.Load("ContentText.resx").Keys.ToHashSet();

        Assert.Contains("four-eyes", codes);
        Assert.Contains("file-type", codes);
        var missing = codes.Where(code => !keys.Contains("Error_" + code)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "no message for: " + string.Join(", ", missing));
    }

    // Codes passed to EditingException or ContentWorkflowException, and the entity's Require(condition, "code", ...).
    [GeneratedRegex(@"(?:Exception\(|Require\([^;]*?,\s*)""([a-z]+(?:-[a-z]+)*)""")]
    private static partial Regex RefusalCode();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Portal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Portal.sln not found above " + AppContext.BaseDirectory);
    }
}

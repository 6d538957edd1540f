using System.Xml.Linq;

namespace Portal.Tests.Foundation;

/// <summary>The texts of a resource file in Portal.Web/Resources, by key.</summary>
public static class ResourceTexts
{
    public static readonly string ResourcesFolder = Find();

    public static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(ResourcesFolder, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var folder = Path.Combine(directory.FullName, "Portal.Web", "Resources");
            if (Directory.Exists(folder))
            {
                return folder;
            }
        }

        throw new DirectoryNotFoundException("Portal.Web/Resources not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Every page speaks both languages: each Chinese text has its English one and back, and none is empty.</summary>
public sealed class ResourceParityTests
{
    public static TheoryData<string> Sets() =>
        [.. Directory.EnumerateFiles(ResourceTexts.ResourcesFolder, "*.en.resx").Select(f => Path.GetFileName(f)[..^".en.resx".Length]).Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_page_area_has_its_texts_in_both_languages() => Assert.True(Sets().Count >= 7);

    [Theory]
    [MemberData(nameof(Sets))]
    public void Chinese_and_English_have_the_same_keys_and_no_empty_text(string set)
    {
        var chinese = ResourceTexts.Load(set + ".resx");
        var english = ResourceTexts.Load(set + ".en.resx");

        Assert.Equal(chinese.Keys.Order(StringComparer.Ordinal), english.Keys.Order(StringComparer.Ordinal));
        Assert.All(chinese.Concat(english), text => Assert.False(string.IsNullOrWhiteSpace(text.Value), text.Key));
    }
}

using System.Xml.Linq;

namespace Portal.Tests.Todos;

/// <summary>The to-do pages speak both languages: every Chinese text has its English one and back.</summary>
public sealed class TodoTextTests
{
    [Fact]
    public void Chinese_and_English_resources_have_the_same_keys_and_no_empty_text()
    {
        var chinese = Texts("TodoText.resx");
        var english = Texts("TodoText.en.resx");

        Assert.Equal(chinese.Keys.Order(), english.Keys.Order());
        Assert.All(chinese.Concat(english), text => Assert.False(string.IsNullOrWhiteSpace(text.Value), text.Key));
        Assert.All(new[] { 10, 20, 30, 40 }, priority => Assert.Contains($"Priority_{priority}", chinese.Keys));
    }

    private static Dictionary<string, string> Texts(string file)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "Portal.Web", "Resources", file);
            if (File.Exists(path))
            {
                return XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);
            }
        }

        throw new FileNotFoundException(file);
    }
}

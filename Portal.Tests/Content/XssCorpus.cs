namespace Portal.Tests.Content;

/// <summary>Over a hundred known XSS payloads; each sets window.__xss or calls out if it ever runs.</summary>
public static class XssCorpus
{
    public static IReadOnlyList<string> Payloads { get; } =
        [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Content", "xss-corpus.txt")).Where(l => l.Length > 0)];

    public static TheoryData<int> Indexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Payloads.Count; i++)
        {
            data.Add(i);
        }

        return data;
    }
}

namespace Portal.DingTalk.Client.Http;

internal enum DingTalkHost
{
    /// <summary>oapi.dingtalk.com: token in the query, snake_case JSON, HTTP 200 + errcode envelope.</summary>
    Oapi,

    /// <summary>api.dingtalk.com: token in a header, camelCase JSON, HTTP status + code envelope.</summary>
    Api,
}

/// <summary>One request to DingTalk, described independently of the token that will authorize it.</summary>
/// <param name="Api">The endpoint's name: rate-limit key, exception label and configuration key.</param>
/// <param name="Path">Path below the host's base URL, segments already escaped.</param>
internal sealed record DingTalkCall(string Api, DingTalkHost Host, HttpMethod Method, string Path)
{
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    public object? Body { get; init; }

    /// <summary>For topapi: the envelope property that holds the data (<c>result</c>); null reads the whole reply.</summary>
    public string? ResultProperty { get; init; }

    public static DingTalkCall OapiPost(string api, string path, object body) =>
        new(api, DingTalkHost.Oapi, HttpMethod.Post, path) { Body = body, ResultProperty = "result" };

    public static string Segment(string value) => Uri.EscapeDataString(value);

    /// <summary>Names the endpoint only: the query and body may hold credentials.</summary>
    public override string ToString() => $"{Method} {Path} ({Api})";
}

namespace Portal.DingTalk.Client.Http;

internal static class DingTalkReplies
{
    /// <summary>A field the endpoint documents as always present; its absence means the reply is not what we think it is.</summary>
    public static string Required(string? value, string api, string field) =>
        string.IsNullOrEmpty(value)
            ? throw new DingTalkException(api, DingTalkErrorCodes.ReplyUnexpectedShape, DingTalkErrorKind.Unknown, $"DingTalk {api} answered without '{field}'.")
            : value;

    public static long Required(long? value, string api, string field) =>
        value ?? throw new DingTalkException(api, DingTalkErrorCodes.ReplyUnexpectedShape, DingTalkErrorKind.Unknown, $"DingTalk {api} answered without '{field}'.");
}

namespace Portal.DingTalk.Client;

/// <summary>An error answered by DingTalk, carrying DingTalk's own code.</summary>
public sealed class DingTalkException : Exception
{
    public DingTalkException()
    {
    }

    public DingTalkException(string message)
        : base(message)
    {
    }

    public DingTalkException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DingTalkException(int code, string message)
        : base($"DingTalk error {code}: {message}")
    {
        Code = code.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public string Code { get; } = "";
}

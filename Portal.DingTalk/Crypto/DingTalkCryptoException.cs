using System.Globalization;

namespace Portal.DingTalk.Crypto;

/// <summary>A callback crypto failure, carrying the code DingTalk's own library would report.</summary>
public sealed class DingTalkCryptoException : Exception
{
    public DingTalkCryptoException()
    {
    }

    public DingTalkCryptoException(string message)
        : base(message)
    {
    }

    public DingTalkCryptoException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DingTalkCryptoException(DingTalkCryptoError code, string message, Exception? innerException = null)
        : base(string.Create(CultureInfo.InvariantCulture, $"DingTalk crypto error {(int)code}: {message}"), innerException)
    {
        Code = code;
    }

    public DingTalkCryptoError Code { get; }
}

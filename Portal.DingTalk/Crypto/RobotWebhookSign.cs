using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Portal.DingTalk.Crypto;

/// <summary>The <c>sign</c> query parameter of a group webhook robot with the signing security setting.</summary>
public static class RobotWebhookSign
{
    /// <summary>URL-encoded (once) Base64 HMAC-SHA256 of <c>timestamp + "\n" + secret</c>, keyed by the secret.</summary>
    public static string Sign(string secret, long timestampMs) => Uri.EscapeDataString(ComputeBase64(secret, timestampMs));

    /// <summary>The Base64 HMAC before URL encoding, e.g. for a form or JSON body that encodes it itself.</summary>
    public static string ComputeBase64(string secret, long timestampMs)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var data = timestampMs.ToString(CultureInfo.InvariantCulture) + "\n" + secret;
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(data));
        return Convert.ToBase64String(mac);
    }
}

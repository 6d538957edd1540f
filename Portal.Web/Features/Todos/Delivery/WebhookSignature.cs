using System.Security.Cryptography;
using System.Text;

namespace Portal.Web.Features.Todos.Delivery;

/// <summary>
/// How a webhook call proves it comes from the portal: <c>X-Portal-Signature: sha256=&lt;hex HMAC-SHA256 of
/// "{timestamp}.{body}"&gt;</c> keyed with the client's secret, beside <c>X-Portal-Timestamp</c> in unix
/// seconds, so a receiver can refuse stale or replayed calls.
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-Portal-Timestamp";
    public const string SignatureHeader = "X-Portal-Signature";
    public const string DeliveryHeader = "X-Portal-Delivery";

    public static string Sign(string secret, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return "sha256=" + Convert.ToHexStringLower(mac);
    }
}

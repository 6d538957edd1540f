using System.Security.Cryptography;

namespace Portal.DingTalk.Simulator.Http;

/// <summary>Identifiers in the shapes DingTalk hands out; tokens and codes are unguessable.</summary>
internal static class RandomIds
{
    private const string LowerAlphanumeric = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string OapiRequestId() => RandomNumberGenerator.GetString(LowerAlphanumeric, 12);

    public static string ApiRequestId() => Guid.NewGuid().ToString("D").ToUpperInvariant();

    public static string TraceId() => RandomNumberGenerator.GetHexString(32, lowercase: true);

    public static string Token() => RandomNumberGenerator.GetHexString(32, lowercase: true);

    public static string Ticket() => RandomNumberGenerator.GetString(Alphanumeric, 64);

    public static string AuthCode() => RandomNumberGenerator.GetHexString(32, lowercase: true);

    public static string DeviceId() => RandomNumberGenerator.GetHexString(32, lowercase: true);

    public static string UnionId() => RandomNumberGenerator.GetString(Alphanumeric, 26) + "iE";

    public static string UserId() => "0" + RandomNumberGenerator.GetString("0123456789", 15);

    public static long DepartmentId() => RandomNumberGenerator.GetInt32(100_000_000, 1_000_000_000);
}

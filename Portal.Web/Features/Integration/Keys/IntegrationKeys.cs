using System.Security.Cryptography;

namespace Portal.Web.Features.Integration.Keys;

/// <summary>
/// Integration keys: a recognisable prefix (so leaked keys are easy to find in code and logs) and 40
/// random letters and digits from the OS CSPRNG, about 238 bits.
/// </summary>
public static class IntegrationKeys
{
    public const string Prefix = "ptl_";

    public const int MaxLength = 200;

    private const int RandomLength = 40;
    private const int ShownPrefixLength = 12;
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string Generate() => Random(Prefix);

    /// <summary>A prefixed random token of the same strength (keys, webhook secrets).</summary>
    public static string Random(string prefix) => prefix + RandomNumberGenerator.GetString(Alphabet, RandomLength);

    /// <summary>What the admin page shows of a key: enough to tell keys apart, far too little to use one.</summary>
    public static string ShownPrefix(string key) => key[..Math.Min(ShownPrefixLength, key.Length / 3)];
}

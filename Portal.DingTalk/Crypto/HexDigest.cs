using System.Security.Cryptography;
using System.Text;

namespace Portal.DingTalk.Crypto;

internal static class HexDigest
{
    /// <summary>Compares a lowercase hex digest with a caller-supplied one, ignoring case, in constant time.</summary>
    public static bool FixedTimeEqualsIgnoreCase(string expectedLowerHex, string? candidate)
    {
        if (candidate is null || candidate.Length != expectedLowerHex.Length)
        {
            return false;
        }

        // Lowercasing the candidate only depends on the caller's own input, so it leaks nothing about the digest.
        var actual = Encoding.ASCII.GetBytes(candidate.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expectedLowerHex), actual);
    }
}

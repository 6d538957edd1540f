using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Portal.Web.Features.Integration;

/// <summary>
/// A client's webhook signing secret: generated from the OS CSPRNG, stored only encrypted with the
/// portal's data protection keys, read back in clear only to sign a delivery.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    public const string Purpose = "Portal.Integration.WebhookSecret";

    public const string Prefix = "whsec_";

    private readonly IDataProtector protector = provider.CreateProtector(Purpose);

    public static string Generate() => Keys.IntegrationKeys.Random(Prefix);

    public string Protect(string secret) => protector.Protect(secret);

    /// <returns>The secret, or null when it was protected with keys this portal no longer has.</returns>
    public string? Unprotect(string? protectedSecret)
    {
        if (string.IsNullOrEmpty(protectedSecret))
        {
            return null;
        }

        try
        {
            return protector.Unprotect(protectedSecret);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Data;
using Portal.Web.Infrastructure.Configuration;

namespace Portal.Web.Infrastructure.Security;

public static class SecuritySetup
{
    public const string CertificatePathKey = "DataProtection:CertificatePath";
    public const string CertificatePasswordKey = "DataProtection:CertificatePassword";

    /// <summary>
    /// Data-protection keys (they protect session cookies, antiforgery tokens and stored webhook secrets)
    /// live in the database, so every instance shares them. With <c>DataProtection:CertificatePath</c>
    /// (a PKCS#12 file with its private key, and <c>DataProtection:CertificatePassword</c>) they are
    /// encrypted there with that certificate, and a copy of the database alone opens nothing. Read at
    /// start, from the environment or appsettings: a certificate that cannot be read stops the start.
    /// </summary>
    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var keys = services.AddDataProtection().SetApplicationName("Portal");
        if (LoadCertificate(configuration) is { } certificate)
        {
            keys.ProtectKeysWithCertificate(certificate);
        }

        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new DataProtectionKeyRepository(provider.GetRequiredService<IDbContextFactory<PortalDb>>(), provider.GetRequiredService<TimeProvider>())));
        return services;
    }

    /// <summary>Behind TLS (an https <c>Portal:PublicUrl</c>) every cookie the portal sets is Secure, whatever the hop to it.</summary>
    public static IServiceCollection AddPortalCookiePolicy(this IServiceCollection services)
    {
        services.AddOptions<CookiePolicyOptions>().Configure<IOptions<PortalOptions>>((cookies, portal) =>
            cookies.Secure = portal.Value.PublicUrlIsHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        return services;
    }

    private static X509Certificate2? LoadCertificate(IConfiguration configuration)
    {
        var path = configuration[CertificatePathKey];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[CertificatePasswordKey]);
        }
        catch (Exception exception) when (exception is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{CertificatePathKey} '{path}' cannot be read ({exception.Message}); check the file and {CertificatePasswordKey}.", exception);
        }

        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"{CertificatePathKey} '{path}' has no private key; keys encrypted with it could not be read back.");
    }
}

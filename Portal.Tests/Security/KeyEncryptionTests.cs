using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Npgsql;
using Portal.Tests.Infrastructure;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Security;

/// <summary>
/// With a certificate configured the data-protection keys are stored encrypted: instances with the
/// certificate share sessions, and the database alone (an instance without it) opens none.
/// </summary>
public sealed class KeyEncryptionTests : IAsyncLifetime
{
    // Made for this run: the certificate and its password exist only as long as the test.
    private readonly string password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    private readonly TempFolder temp = new();

    public Task InitializeAsync()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Portal data-protection keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(CertificatePath, certificate.Export(X509ContentType.Pfx, password));
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        temp.Dispose();
        return Task.CompletedTask;
    }

    private string CertificatePath => Path.Combine(temp.Path, "keys.pfx");

    [Fact]
    public async Task Keys_are_stored_encrypted_and_only_instances_with_the_certificate_read_the_session()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Postgres);
        var withCertificate = new Dictionary<string, string>
        {
            ["DataProtection:CertificatePath"] = CertificatePath,
            ["DataProtection:CertificatePassword"] = password,
            ["DingTalk:Simulator:DataFolder"] = temp.Path,
        };

        string cookie;
        await using (var first = await PortalProcess.StartAsync(PortalAppFactory.FreePort(), database, withCertificate))
        {
            var cookies = new CookieContainer();
            using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = first.BaseAddress };
            await TestSignIn.AsDemoPersonAsync(browser);
            cookie = cookies.GetCookieHeader(first.BaseAddress);
        }

        var keys = await KeyXmlAsync(database);
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        });

        await using (var second = await PortalProcess.StartAsync(PortalAppFactory.FreePort(), database, withCertificate))
        {
            Assert.Equal(HttpStatusCode.OK, await MeAsync(second, cookie));
        }

        await using var stranger = await PortalProcess.StartAsync(
            PortalAppFactory.FreePort(), database, new Dictionary<string, string> { ["DingTalk:Simulator:DataFolder"] = temp.Path });
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(stranger, cookie));
    }

    [Fact]
    public async Task A_certificate_that_cannot_be_read_stops_the_start_with_its_setting_named()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PortalProcess.StartAsync(
            PortalAppFactory.FreePort(), database, new Dictionary<string, string>
            {
                ["DataProtection:CertificatePath"] = CertificatePath,
                ["DataProtection:CertificatePassword"] = "not-the-password",
            }));

        Assert.Contains("DataProtection:CertificatePath", error.Message, StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> MeAsync(PortalProcess portal, string cookie)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = portal.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/me", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return (await client.SendAsync(request)).StatusCode;
    }

    private static async Task<List<string>> KeyXmlAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Xml\" FROM \"DataProtectionKeys\"", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }
}

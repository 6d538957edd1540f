using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Data;
using Portal.Domain.Integration;
using Portal.Web.Infrastructure.Http;

namespace Portal.Web.Features.Integration.Keys;

/// <summary>
/// <c>Authorization: Bearer ptl_…</c>: finds the client by the key's SHA-256, refuses revoked ones,
/// and answers failures as 401/403 problems. The key itself is never stored or logged.
/// </summary>
public sealed class IntegrationKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<PortalDb> dbFactory,
    FailedKeys failedKeys,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>Last-used is a hint for admins; writing it on every call would cost a write per request.</summary>
    public static readonly TimeSpan StampInterval = TimeSpan.FromMinutes(1);

    private const string BearerPrefix = "Bearer ";
    private const string MissingKey = "missing-key";
    private const string InvalidKey = "invalid-key";
    private const string RevokedKey = "revoked-key";
    private const string DisabledClient = "disabled-client";
    private const string TooManyFailures = "rate-limited";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var address = RateLimits.ClientAddress(Context);
        if (failedKeys.IsBlocked(address))
        {
            return AuthenticateResult.Fail(TooManyFailures);
        }

        var key = header[BearerPrefix.Length..].Trim();
        if (key.Length is 0 or > IntegrationKeys.MaxLength)
        {
            failedKeys.Record(address);
            return AuthenticateResult.Fail(InvalidKey);
        }

        var hash = IntegrationClient.Hash(key);
        await using var db = await dbFactory.CreateDbContextAsync(Context.RequestAborted);
        var client = await db.IntegrationClients.AsNoTracking()
            .Where(c => c.KeyHash == hash)
            .Select(c => new { c.Id, c.Name, c.KeyHash, c.Scopes, c.RevokedAt, c.Enabled, c.LastUsedAt })
            .SingleOrDefaultAsync(Context.RequestAborted);

        // The lookup is by an index on the hash, which tells an attacker nothing about a real key;
        // the comparison that decides is constant-time all the same.
        if (client is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(client.KeyHash)))
        {
            failedKeys.Record(address);
            Logger.LogWarning("Integration call refused: unknown key");
            return AuthenticateResult.Fail(InvalidKey);
        }

        if (client.RevokedAt is not null)
        {
            Logger.LogWarning("Integration client {ClientName} called with its revoked key", client.Name);
            return AuthenticateResult.Fail(RevokedKey);
        }

        if (!client.Enabled)
        {
            Logger.LogWarning("Integration client {ClientName} called while disabled", client.Name);
            return AuthenticateResult.Fail(DisabledClient);
        }

        await StampAsync(db, client.Id, client.LastUsedAt);
        var claims = new List<Claim> { new(IntegrationClaims.ClientId, client.Id.ToString("D")), new(ClaimTypes.Name, client.Name) };
        claims.AddRange(client.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(scope => new Claim(IntegrationClaims.Scope, scope)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var code = result.Failure?.Message ?? MissingKey;
        if (code == TooManyFailures)
        {
            Logger.LogWarning("Integration calls refused: too many wrong keys from one address");
            await RateLimits.TooMany(Context).ExecuteAsync(Context);
            return;
        }

        Response.Headers.WWWAuthenticate = code == MissingKey ? "Bearer" : "Bearer error=\"invalid_token\"";
        var (title, detail) = code switch
        {
            RevokedKey => ("The integration key was revoked", "Ask the portal's administrator for a new key."),
            DisabledClient => ("The integration client is disabled", "Ask the portal's administrator to enable it again."),
            InvalidKey => ("The integration key is not valid", "Send the key exactly as it was issued."),
            _ => ("An integration key is required", "Send it as 'Authorization: Bearer <key>'."),
        };
        await Problems.Unauthorized(code, title, detail).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var needed = Context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Select(a => IntegrationPolicies.ScopeOf(a.Policy)).OfType<string>().ToList() ?? [];
        var detail = needed.Count == 0 ? null : "This endpoint needs the scope " + string.Join(", ", needed) + ".";
        return Problems.Create(StatusCodes.Status403Forbidden, "missing-scope", "The integration key lacks a scope", detail).ExecuteAsync(Context);
    }

    private async Task StampAsync(PortalDb db, Guid clientId, DateTime? lastUsedAt)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var staleBefore = now - StampInterval;
        if (lastUsedAt is { } last && last > staleBefore)
        {
            return;
        }

        await db.IntegrationClients
            .Where(c => c.Id == clientId && (c.LastUsedAt == null || c.LastUsedAt <= staleBefore))
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.LastUsedAt, (DateTime?)now), Context.RequestAborted);
    }
}

using Portal.DingTalk.Simulator.Http;

namespace Portal.DingTalk.Simulator.State;

internal enum LeaseCheck
{
    Valid,
    Expired,
    Unknown,
}

internal enum AuthCodeKind
{
    /// <summary>In-DingTalk sign-in (免登), redeemed with <c>topapi/v2/user/getuserinfo</c>.</summary>
    Sso,

    /// <summary>Browser OAuth2, redeemed with <c>/v1.0/oauth2/userAccessToken</c>.</summary>
    OAuth,
}

/// <summary>A token, ticket or code with its owner (an AppKey or a userId) and lifetime.</summary>
internal sealed class Lease(string value, string owner, DateTimeOffset issuedAt, DateTimeOffset expiresAt, string detail = "")
{
    public string Value { get; } = value;

    public string Owner { get; } = owner;

    public DateTimeOffset IssuedAt { get; } = issuedAt;

    public DateTimeOffset ExpiresAt { get; set; } = expiresAt;

    /// <summary>Kind-specific extra: the device of an auth code.</summary>
    public string Detail { get; } = detail;

    public int SecondsLeft(DateTimeOffset now) => (int)Math.Ceiling((ExpiresAt - now).TotalSeconds);
}

/// <summary>Access tokens, JSAPI tickets, auth codes and user tokens, with DingTalk's lifetimes. In memory only.</summary>
internal sealed class SimulatorCredentials(TimeProvider time)
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(2);
    public static readonly TimeSpan TicketHardCap = TimeSpan.FromHours(24);
    public static readonly TimeSpan AuthCodeLifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(30);

    // Expired tokens are remembered a while so that they answer "expired" rather than "unknown".
    private static readonly TimeSpan ForgetExpiredAfter = TimeSpan.FromDays(1);

    private readonly Lock gate = new();
    private readonly Dictionary<string, Lease> currentAppToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Lease> currentTicket = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Lease> appTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Lease> userTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Lease> refreshTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Lease> ssoCodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Lease> oauthCodes = new(StringComparer.Ordinal);

    /// <summary>The app's token: the same value while it is valid (each request extends it), a new one after it expired.</summary>
    public Lease AppToken(string appKey)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (currentAppToken.TryGetValue(appKey, out var token) && token.ExpiresAt > now)
            {
                token.ExpiresAt = now + TokenLifetime;
                return token;
            }

            Forget(appTokens, now - ForgetExpiredAfter);
            token = new Lease(RandomIds.Token(), appKey, now, now + TokenLifetime);
            currentAppToken[appKey] = token;
            appTokens[token.Value] = token;
            return token;
        }
    }

    /// <summary>One JSAPI ticket per app whichever endpoint asks: extended on each request, but never past 24 h from its creation.</summary>
    public Lease JsapiTicket(string appKey)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (currentTicket.TryGetValue(appKey, out var ticket) && ticket.ExpiresAt > now)
            {
                ticket.ExpiresAt = Min(now + TokenLifetime, ticket.IssuedAt + TicketHardCap);
                return ticket;
            }

            ticket = new Lease(RandomIds.Ticket(), appKey, now, now + TokenLifetime);
            currentTicket[appKey] = ticket;
            return ticket;
        }
    }

    public (LeaseCheck Check, string? AppKey) CheckAppToken(string token) => Check(appTokens, token);

    public (LeaseCheck Check, string? UserId) CheckUserToken(string token) => Check(userTokens, token);

    public string IssueAuthCode(string userId, AuthCodeKind kind)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            var codes = kind == AuthCodeKind.Sso ? ssoCodes : oauthCodes;
            Forget(codes, now);
            var code = new Lease(RandomIds.AuthCode(), userId, now, now + AuthCodeLifetime, RandomIds.DeviceId());
            codes[code.Value] = code;
            return code.Value;
        }
    }

    /// <summary>Single use: the code is gone after this call whatever the outcome.</summary>
    public Lease? RedeemAuthCode(string code, AuthCodeKind kind)
    {
        lock (gate)
        {
            var codes = kind == AuthCodeKind.Sso ? ssoCodes : oauthCodes;
            return codes.Remove(code, out var lease) && lease.ExpiresAt > time.GetUtcNow() ? lease : null;
        }
    }

    public (Lease Access, Lease Refresh) IssueUserToken(string userId)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            Forget(userTokens, now - ForgetExpiredAfter);
            Forget(refreshTokens, now);
            var access = new Lease(RandomIds.Token(), userId, now, now + TokenLifetime);
            var refresh = new Lease(RandomIds.Token(), userId, now, now + RefreshTokenLifetime);
            userTokens[access.Value] = access;
            refreshTokens[refresh.Value] = refresh;
            return (access, refresh);
        }
    }

    /// <summary>The owner of a still-valid refresh token, which is used up by this call.</summary>
    public string? RedeemRefreshToken(string refreshToken)
    {
        lock (gate)
        {
            return refreshTokens.Remove(refreshToken, out var lease) && lease.ExpiresAt > time.GetUtcNow() ? lease.Owner : null;
        }
    }

    /// <summary>Ends every token and ticket now, as when DingTalk invalidates them early.</summary>
    public void ExpireAll()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            foreach (var lease in appTokens.Values.Concat(userTokens.Values).Concat(currentTicket.Values))
            {
                lease.ExpiresAt = Min(lease.ExpiresAt, now);
            }
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            foreach (var book in new[] { currentAppToken, currentTicket, appTokens, userTokens, refreshTokens, ssoCodes, oauthCodes })
            {
                book.Clear();
            }
        }
    }

    private (LeaseCheck, string?) Check(Dictionary<string, Lease> book, string token)
    {
        lock (gate)
        {
            if (!book.TryGetValue(token, out var lease))
            {
                return (LeaseCheck.Unknown, null);
            }

            return lease.ExpiresAt > time.GetUtcNow() ? (LeaseCheck.Valid, lease.Owner) : (LeaseCheck.Expired, lease.Owner);
        }
    }

    private static void Forget(Dictionary<string, Lease> book, DateTimeOffset expiredBefore)
    {
        foreach (var stale in book.Values.Where(l => l.ExpiresAt < expiredBefore).Select(l => l.Value).ToList())
        {
            book.Remove(stale);
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}

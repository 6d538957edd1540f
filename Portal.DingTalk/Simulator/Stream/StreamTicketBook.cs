using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Portal.DingTalk.Simulator.Stream;

/// <summary>Single-use connection tickets with a lifetime.</summary>
internal sealed class StreamTicketBook(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (string ClientId, DateTimeOffset IssuedAt)> tickets = new(StringComparer.Ordinal);

    public string Issue(string clientId, TimeSpan lifetime)
    {
        var now = time.GetUtcNow();
        foreach (var (ticket, issued) in tickets)
        {
            if (now - issued.IssuedAt > lifetime)
            {
                tickets.TryRemove(ticket, out _);
            }
        }

        var fresh = RandomNumberGenerator.GetHexString(32, lowercase: true);
        tickets[fresh] = (clientId, now);
        return fresh;
    }

    /// <summary>The client id the ticket was issued to, or <c>null</c> if it is unknown, used or expired.</summary>
    public string? Redeem(string ticket, TimeSpan lifetime) =>
        tickets.TryRemove(ticket, out var issued) && time.GetUtcNow() - issued.IssuedAt <= lifetime ? issued.ClientId : null;
}

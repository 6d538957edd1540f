using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.DingTalkEvents;
using Portal.Web.Features.People.Events;

namespace Portal.Web.Features.DingTalkEvents;

/// <summary>Keeps a pushed event once, however often DingTalk (or anyone replaying it) delivers it, and wakes the worker that applies it.</summary>
public sealed class RecordDingTalkEvent(IDbContextFactory<PortalDb> dbFactory, OrgEventSignal signal, TimeProvider time)
{
    /// <returns>True when the event is new, false when it was already recorded.</returns>
    public async Task<bool> ExecuteAsync(string eventType, string payload, string channel, CancellationToken cancellationToken, string? eventId = null)
    {
        var dedupeKey = eventId is { Length: > 0 and <= ReceivedDingTalkEvent.DedupeKeyLength - 3 } ? "id:" + eventId : DedupeKey(payload);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.ReceivedDingTalkEvents.AnyAsync(e => e.DedupeKey == dedupeKey, cancellationToken))
        {
            return false;
        }

        db.ReceivedDingTalkEvents.Add(new ReceivedDingTalkEvent
        {
            DedupeKey = dedupeKey,
            EventType = eventType,
            Payload = payload,
            Channel = channel,
            ReceivedAt = time.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            signal.Raise();
            return true;
        }
        catch (DbUpdateException)
        {
            // A concurrent delivery of the same event won the unique index.
            return false;
        }
    }

    private static string DedupeKey(string payload)
    {
        using var document = JsonDocument.Parse(payload);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.NameEquals("eventId") || property.Name.Equals("EventId", StringComparison.OrdinalIgnoreCase))
            {
                var id = property.Value.ToString();
                if (id.Length is > 0 and <= ReceivedDingTalkEvent.DedupeKeyLength - 3)
                {
                    return "id:" + id;
                }
            }
        }

        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload)));
    }
}

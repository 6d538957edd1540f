using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Tests.Infrastructure;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Data;

public sealed class UtcTimeTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Times_are_stored_and_read_back_as_UTC(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var utc = new DateTime(2026, 11, 22, 15, 30, 45, 123, DateTimeKind.Utc);
        var local = new DateTimeOffset(2026, 11, 22, 23, 30, 45, 123, TimeSpan.FromHours(8));
        await using (var db = database.OpenDb())
        {
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "utc", Xml = "<key/>", CreatedAt = utc });
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "unspecified", Xml = "<key/>", CreatedAt = DateTime.SpecifyKind(utc, DateTimeKind.Unspecified) });
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "offset", Xml = "<key/>", CreatedAt = local.UtcDateTime });
            await db.SaveChangesAsync();
        }

        await using var reader = database.OpenDb();
        var keys = await reader.DataProtectionKeys.AsNoTracking().ToListAsync();
        Assert.Equal(3, keys.Count);
        Assert.All(keys, key =>
        {
            Assert.Equal(DateTimeKind.Utc, key.CreatedAt.Kind);
            Assert.Equal(utc, key.CreatedAt);
        });

        var found = await reader.DataProtectionKeys.AsNoTracking().CountAsync(k => k.CreatedAt >= utc.AddSeconds(-1) && k.CreatedAt <= utc.AddSeconds(1));
        Assert.Equal(3, found);
    }
}

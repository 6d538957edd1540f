using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Portal.Domain.Data;

/// <summary>
/// Every time in the portal is UTC. SQLite keeps no kind and PostgreSQL refuses local times for
/// timestamptz, so we normalise on write and stamp the kind on read; both providers then agree.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => ToUtc(value),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc))
{
    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}

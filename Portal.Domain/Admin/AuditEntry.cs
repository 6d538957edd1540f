using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Domain.Admin;

/// <summary>One administrative change: who did what to which thing, when, and how it looked before and after.</summary>
public sealed class AuditEntry
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public DateTime At { get; init; }

    public Guid? ActorId { get; init; }

    public required string ActorName { get; init; }

    /// <summary>A stable verb such as <c>role.rules.changed</c> or <c>import.requested</c>.</summary>
    public required string Action { get; init; }

    public required string Subject { get; init; }

    public string? Before { get; init; }

    public string? After { get; init; }

    public static AuditEntry Create(DateTime at, Guid? actorId, string actorName, string action, string subject, object? before, object? after) => new()
    {
        At = at,
        ActorId = actorId,
        ActorName = actorName,
        Action = action,
        Subject = subject,
        Before = before is null ? null : JsonSerializer.Serialize(before, JsonOptions),
        After = after is null ? null : JsonSerializer.Serialize(after, JsonOptions),
    };

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(e => e.ActorName).HasMaxLength(80);
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.Subject).HasMaxLength(200);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.Action, e.At });
    }
}

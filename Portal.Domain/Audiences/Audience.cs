using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Domain.Audiences;

/// <summary>
/// Who a targeted thing (news, notice, tile, to-do) is for: everyone, or departments (optionally with
/// their subtrees), roles and people, minus exclusions. Targeting is authorization: every user-facing
/// query filters through <see cref="AudienceFilter.VisibleTo{T}"/>.
/// </summary>
public sealed class Audience
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public bool Everyone { get; set; }

    public List<AudienceRule> Rules { get; } = [];

    public static Audience ForEveryone() => new() { Everyone = true };
}

public enum AudienceRuleKind
{
    Department = 1,
    Role = 2,
    Person = 3,
}

public sealed class AudienceRule
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid AudienceId { get; init; }

    public AudienceRuleKind Kind { get; init; }

    public long? DepartmentId { get; init; }

    public bool IncludeSubdepartments { get; init; }

    public Guid? RoleId { get; init; }

    public Guid? PersonId { get; init; }

    public bool Exclude { get; init; }

    public static AudienceRule ForDepartment(long departmentId, bool includeSubdepartments, bool exclude = false) =>
        new() { Kind = AudienceRuleKind.Department, DepartmentId = departmentId, IncludeSubdepartments = includeSubdepartments, Exclude = exclude };

    public static AudienceRule ForRole(Guid roleId, bool exclude = false) =>
        new() { Kind = AudienceRuleKind.Role, RoleId = roleId, Exclude = exclude };

    public static AudienceRule ForPerson(Guid personId, bool exclude = false) =>
        new() { Kind = AudienceRuleKind.Person, PersonId = personId, Exclude = exclude };
}

/// <summary>Anything shown to an audience.</summary>
public interface IAudienceTargeted
{
    Guid AudienceId { get; }
}

internal sealed class AudienceConfiguration : IEntityTypeConfiguration<Audience>
{
    public void Configure(EntityTypeBuilder<Audience> builder) =>
        builder.HasMany(a => a.Rules).WithOne().HasForeignKey(r => r.AudienceId).OnDelete(DeleteBehavior.Cascade);
}

internal sealed class AudienceRuleConfiguration : IEntityTypeConfiguration<AudienceRule>
{
    public void Configure(EntityTypeBuilder<AudienceRule> builder)
    {
        builder.HasIndex(r => r.AudienceId);
        builder.HasIndex(r => new { r.Kind, r.DepartmentId });
        builder.HasIndex(r => new { r.Kind, r.RoleId });
        builder.HasIndex(r => new { r.Kind, r.PersonId });
    }
}

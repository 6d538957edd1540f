using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Domain.Audiences;

/// <summary>
/// A role: the four built-in ones (employee, editor, approver, admin) and custom roles whose members
/// come from rules. Members are materialised in <see cref="RoleMember"/> whenever rules or people change.
/// </summary>
public sealed class Role
{
    public const string Employee = "employee";
    public const string Editor = "editor";
    public const string Approver = "approver";
    public const string Admin = "admin";

    public static readonly string[] BuiltIn = [Employee, Editor, Approver, Admin];

    public Role(string key, string name, bool isBuiltIn)
    {
        Key = key;
        Name = name;
        IsBuiltIn = isBuiltIn;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>Stable identifier used in code and the integration API (lowercase letters, digits, dashes).</summary>
    public string Key { get; private set; }

    public string Name { get; set; }

    public bool IsBuiltIn { get; private set; }

    public List<RoleRule> Rules { get; } = [];
}

public enum RoleRuleKind
{
    Department = 1,
    DingTalkRole = 2,
    Title = 3,
    Person = 4,
}

/// <summary>One membership rule of a role; exclusions win over inclusions.</summary>
public sealed class RoleRule
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid RoleId { get; init; }

    public RoleRuleKind Kind { get; init; }

    public long? DepartmentId { get; init; }

    public bool IncludeSubdepartments { get; init; }

    /// <summary>DingTalk role name or title for those kinds.</summary>
    public string? Value { get; init; }

    public Guid? PersonId { get; init; }

    public bool Exclude { get; init; }
}

/// <summary>Materialised membership: who is in which role right now.</summary>
public sealed class RoleMember
{
    public Guid RoleId { get; init; }

    public Guid PersonId { get; init; }
}

internal sealed class RoleConfiguration : IEntityTypeConfiguration<Role>
{
    public void Configure(EntityTypeBuilder<Role> builder)
    {
        builder.Property(r => r.Key).HasMaxLength(64);
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.HasIndex(r => r.Key).IsUnique();
        builder.HasMany(r => r.Rules).WithOne().HasForeignKey(r => r.RoleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoleRuleConfiguration : IEntityTypeConfiguration<RoleRule>
{
    public void Configure(EntityTypeBuilder<RoleRule> builder)
    {
        builder.Property(r => r.Value).HasMaxLength(200);
        builder.HasIndex(r => r.RoleId);
    }
}

internal sealed class RoleMemberConfiguration : IEntityTypeConfiguration<RoleMember>
{
    public void Configure(EntityTypeBuilder<RoleMember> builder)
    {
        builder.HasKey(m => new { m.RoleId, m.PersonId });
        builder.HasIndex(m => m.PersonId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Domain.People;

/// <summary>A department of the organisation, keyed by DingTalk's dept_id (the root is 1).</summary>
public sealed class Department
{
    public const long RootId = 1;

    public Department(long id, string name, long? parentId)
    {
        Id = id;
        Name = name;
        ParentId = parentId;
    }

    public long Id { get; private set; }

    public long? ParentId { get; private set; }

    public string Name { get; private set; }

    public int Order { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public void Update(string name, long? parentId, int order, DateTime at)
    {
        Name = name;
        ParentId = parentId;
        Order = order;
        UpdatedAt = at;
    }
}

/// <summary>
/// Every (ancestor, descendant) pair of the tree, itself included at distance 0. A subtree is then one
/// indexed lookup on both SQLite and PostgreSQL, with no recursive query.
/// </summary>
public sealed class DepartmentClosure
{
    public long AncestorId { get; init; }

    public long DescendantId { get; init; }

    public int Distance { get; init; }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Name).HasMaxLength(64);
        builder.HasIndex(d => d.ParentId);
    }
}

internal sealed class DepartmentClosureConfiguration : IEntityTypeConfiguration<DepartmentClosure>
{
    public void Configure(EntityTypeBuilder<DepartmentClosure> builder)
    {
        builder.HasKey(c => new { c.AncestorId, c.DescendantId });
        builder.HasIndex(c => c.DescendantId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Domain.People;

/// <summary>A member of the organisation, as DingTalk knows them (userId is DingTalk's, per organisation).</summary>
public sealed class Person
{
    public Person(string userId, string name)
    {
        UserId = userId;
        Name = name;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string UserId { get; private set; }

    public string? UnionId { get; set; }

    public string Name { get; set; }

    public string? Mobile { get; set; }

    public string? Title { get; set; }

    public string? JobNumber { get; set; }

    public string? Email { get; set; }

    public string? AvatarUrl { get; set; }

    public bool Active { get; set; } = true;

    /// <summary>Names of the person's DingTalk roles, as <c>|name|name|</c> so a rule matches one with LIKE.</summary>
    public string DingTalkRoles { get; private set; } = "";

    /// <summary>DingTalk admin level: 0 none, 1 main admin, 2 sub-admin.</summary>
    public int AdminLevel { get; set; }

    public DateTime? HiredAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<PersonDepartment> Departments { get; } = [];

    public void SetDingTalkRoles(IEnumerable<string> names)
    {
        var list = names.Where(n => n.Length > 0 && !n.Contains('|', StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).ToList();
        DingTalkRoles = list.Count == 0 ? "" : "|" + string.Join('|', list) + "|";
    }
}

/// <summary>A person's membership of one department; people may belong to several.</summary>
public sealed class PersonDepartment
{
    public Guid PersonId { get; init; }

    public long DepartmentId { get; init; }

    public bool IsLeader { get; set; }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.UserId).HasMaxLength(64);
        builder.Property(p => p.UnionId).HasMaxLength(64);
        builder.Property(p => p.Name).HasMaxLength(80);
        builder.Property(p => p.Mobile).HasMaxLength(32);
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.JobNumber).HasMaxLength(50);
        builder.Property(p => p.Email).HasMaxLength(100);
        builder.Property(p => p.AvatarUrl).HasMaxLength(500);
        builder.Property(p => p.DingTalkRoles).HasMaxLength(2000).HasDefaultValue("");
        builder.HasIndex(p => p.UserId).IsUnique();
        builder.HasIndex(p => p.UnionId);
        builder.HasIndex(p => p.Mobile).IsUnique();
        builder.HasIndex(p => p.JobNumber);
        builder.HasMany(p => p.Departments).WithOne().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PersonDepartmentConfiguration : IEntityTypeConfiguration<PersonDepartment>
{
    public void Configure(EntityTypeBuilder<PersonDepartment> builder)
    {
        builder.HasKey(d => new { d.PersonId, d.DepartmentId });
        builder.HasIndex(d => d.DepartmentId);
    }
}

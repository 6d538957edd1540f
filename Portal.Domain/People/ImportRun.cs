using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Domain.People;

public enum ImportStatus
{
    Queued = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
}

public enum ImportPhase
{
    Departments = 0,
    People = 1,
    Applying = 2,
    Done = 3,
}

/// <summary>
/// One full import of the organisation from DingTalk. What was fetched is staged per run, so a run
/// interrupted by a crash or a restart continues where it stopped instead of starting over.
/// </summary>
public sealed class ImportRun
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string? RequestedBy { get; init; }

    public DateTime RequestedAt { get; init; }

    public ImportStatus Status { get; private set; }

    public ImportPhase Phase { get; private set; }

    public int DepartmentsFound { get; private set; }

    public int DepartmentsListed { get; private set; }

    public int PeopleFound { get; private set; }

    public int PeopleApplied { get; private set; }

    public int Deactivated { get; private set; }

    public string? Error { get; private set; }

    public DateTime? StartedAt { get; private set; }

    public DateTime? FinishedAt { get; private set; }

    /// <summary>Until when the instance running the import holds it; an expired lease may be taken over.</summary>
    public DateTime? LeaseUntil { get; private set; }

    public void Start(DateTime at, DateTime leaseUntil)
    {
        Status = ImportStatus.Running;
        StartedAt ??= at;
        LeaseUntil = leaseUntil;
        Error = null;
    }

    public void Progress(ImportPhase phase, int departmentsFound, int departmentsListed, int peopleFound, DateTime leaseUntil)
    {
        Phase = phase;
        DepartmentsFound = departmentsFound;
        DepartmentsListed = departmentsListed;
        PeopleFound = peopleFound;
        LeaseUntil = leaseUntil;
    }

    public void Succeed(int peopleApplied, int deactivated, DateTime at)
    {
        Status = ImportStatus.Succeeded;
        Phase = ImportPhase.Done;
        PeopleApplied = peopleApplied;
        Deactivated = deactivated;
        FinishedAt = at;
        LeaseUntil = null;
    }

    public void Fail(string error, DateTime at)
    {
        Status = ImportStatus.Failed;
        Error = error.Length > 1000 ? error[..1000] : error;
        FinishedAt = at;
        LeaseUntil = null;
    }
}

/// <summary>A department as DingTalk listed it during a run.</summary>
public sealed class ImportStagedDepartment
{
    public Guid RunId { get; init; }

    public long DepartmentId { get; init; }

    public long? ParentId { get; init; }

    public required string Name { get; init; }

    public bool ChildrenListed { get; set; }

    public bool PeopleListed { get; set; }
}

/// <summary>A person as DingTalk listed them during a run (the profile JSON), with the departments they lead.</summary>
public sealed class ImportStagedPerson
{
    public Guid RunId { get; init; }

    public required string UserId { get; init; }

    public required string Profile { get; set; }

    public string LeaderOf { get; set; } = "";
}

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        builder.Property(r => r.RequestedBy).HasMaxLength(64);
        builder.Property(r => r.Error).HasMaxLength(1000);
        builder.HasIndex(r => new { r.Status, r.RequestedAt });

        // Two instances claiming the same run: only the first update of status and lease wins.
        builder.Property(r => r.Status).IsConcurrencyToken();
        builder.Property(r => r.LeaseUntil).IsConcurrencyToken();
    }
}

internal sealed class ImportStagedDepartmentConfiguration : IEntityTypeConfiguration<ImportStagedDepartment>
{
    public void Configure(EntityTypeBuilder<ImportStagedDepartment> builder)
    {
        builder.HasKey(d => new { d.RunId, d.DepartmentId });
        builder.Property(d => d.Name).HasMaxLength(64);
    }
}

internal sealed class ImportStagedPersonConfiguration : IEntityTypeConfiguration<ImportStagedPerson>
{
    public void Configure(EntityTypeBuilder<ImportStagedPerson> builder)
    {
        builder.HasKey(p => new { p.RunId, p.UserId });
        builder.Property(p => p.UserId).HasMaxLength(64);
        builder.Property(p => p.LeaderOf).HasMaxLength(2000);
    }
}

namespace Portal.Domain.Audiences;

/// <summary>
/// What visibility needs to know about the signed-in person, computed once per session: their
/// departments, every ancestor of those (for subtree targeting) and their effective roles.
/// </summary>
public sealed record Viewer(
    Guid PersonId,
    IReadOnlyCollection<long> DepartmentIds,
    IReadOnlyCollection<long> DepartmentAndAncestorIds,
    IReadOnlyCollection<Guid> RoleIds);

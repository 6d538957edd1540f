namespace Portal.Domain.Audiences;

/// <summary>
/// The signed-in person as visibility sees them: active, and who they are. Their departments and roles
/// are read by <see cref="AudienceFilter"/> in the same statement as the items, so a move between
/// departments or a change of role counts at once.
/// </summary>
public sealed record Viewer(Guid PersonId);

namespace Portal.Domain.Audiences;

/// <summary>
/// The audiences with a rule naming one person, and whether such a rule excludes them: the same rule as
/// <see cref="AudienceFilter"/>'s SQL, decided in memory for items kept in memory.
/// </summary>
public sealed class AudiencesNaming(IReadOnlyDictionary<Guid, bool> excludedByAudience)
{
    /// <summary>Named and not excluded; or not named at all and for everyone.</summary>
    public bool Includes(Guid audienceId, bool everyone) =>
        excludedByAudience.TryGetValue(audienceId, out var excluded) ? !excluded : everyone;
}

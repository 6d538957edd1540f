using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Data;

namespace Portal.Web.Features.Content.Editing;

/// <summary>Who an item's audience reaches, as the editor shows it before submitting and publishing.</summary>
public static class DraftReach
{
    /// <summary>
    /// Without everyone and without a single inclusion an item is for nobody; <see cref="AudienceMembers"/>
    /// reads such a rule set as "everyone active", so it is decided here first.
    /// </summary>
    public static bool ReachesNobody(bool everyone, IEnumerable<AudienceRule> rules) => !everyone && !rules.Any(r => !r.Exclude);

    public static async Task<AudienceReach> ReachAsync(PortalDb db, AudienceInput audience, CancellationToken cancellationToken)
    {
        var rules = audience.ToRules();
        return ReachesNobody(audience.Everyone, rules) ? new AudienceReach(0, 0) : await AudienceMembers.ReachAsync(db, audience.Everyone, rules, cancellationToken);
    }

    public static async Task<bool> ReachesAnyoneAsync(PortalDb db, Audience audience, CancellationToken cancellationToken) =>
        !ReachesNobody(audience.Everyone, audience.Rules) && await AudienceMembers.Resolve(db, audience).AnyAsync(cancellationToken);
}

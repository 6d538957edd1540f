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

    /// <summary>The reach of rules still being edited.</summary>
    public static Task<AudienceReach> ReachAsync(PortalDb db, AudienceInput audience, CancellationToken cancellationToken) =>
        ReachAsync(db, audience.Everyone, audience.ToRules(), cancellationToken);

    /// <summary>
    /// The reach of an audience as it is stored: what the submit confirmation shows and what submitting
    /// checks, so the two cannot disagree.
    /// </summary>
    public static async Task<AudienceReach> StoredAsync(PortalDb db, Guid audienceId, CancellationToken cancellationToken)
    {
        var audience = await db.Audiences.AsNoTracking().Include(a => a.Rules).SingleAsync(a => a.Id == audienceId, cancellationToken);
        return await ReachAsync(db, audience.Everyone, audience.Rules, cancellationToken);
    }

    private static async Task<AudienceReach> ReachAsync(PortalDb db, bool everyone, IReadOnlyCollection<AudienceRule> rules, CancellationToken cancellationToken) =>
        ReachesNobody(everyone, rules) ? new AudienceReach(0, 0) : await AudienceMembers.ReachAsync(db, everyone, rules, cancellationToken);
}

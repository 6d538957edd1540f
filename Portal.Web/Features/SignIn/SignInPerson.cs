using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.DingTalk.Client;
using Portal.DingTalk.Client.Contacts;
using Microsoft.Extensions.Options;
using Portal.Domain.Audiences;
using Portal.Domain.Data;
using Portal.Domain.People;
using Portal.Web.Features.People;
using Portal.Web.Features.Roles;

namespace Portal.Web.Features.SignIn;

/// <summary>The outcome of a sign-in: a principal for the session cookie, or the reason it was refused.</summary>
public sealed record SignInOutcome(ClaimsPrincipal? Principal, SignInRefusal? Refusal)
{
    public static SignInOutcome Refused(SignInRefusal refusal) => new(null, refusal);
}

/// <summary>
/// Signs in the DingTalk user DingTalk vouched for: refreshes their profile from DingTalk (the source of
/// truth), refuses people who are not or no longer in the organisation, and builds the session.
/// </summary>
public sealed class SignInPerson(IDbContextFactory<PortalDb> dbFactory, UserClient users, IOptionsMonitor<RolesOptions> roles, TimeProvider time, ILogger<SignInPerson> logger)
{
    public async Task<SignInOutcome> ExecuteAsync(string userId, int adminLevel, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var person = await db.People.Include(p => p.Departments).SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        DingTalkUser profile;
        try
        {
            profile = await users.GetAsync(userId, "zh_CN", cancellationToken);
        }
        catch (DingTalkException exception) when (exception.Kind == DingTalkErrorKind.BadRequest)
        {
            return SignInOutcome.Refused(person is null ? SignInRefusal.NotInOrganisation : await DeactivateAsync(db, person, cancellationToken));
        }
        catch (DingTalkException exception) when (exception.Kind is DingTalkErrorKind.Permission or DingTalkErrorKind.Auth)
        {
            logger.LogWarning("Sign-in refused: the app may not read contacts ({Code})", exception.Code);
            return SignInOutcome.Refused(SignInRefusal.AppNotAuthorized);
        }
        catch (DingTalkException exception)
        {
            logger.LogWarning("Sign-in failed: DingTalk answered {Kind} {Code}", exception.Kind, exception.Code);
            return SignInOutcome.Refused(SignInRefusal.DingTalkUnreachable);
        }

        if (profile.Active == false)
        {
            return SignInOutcome.Refused(person is null ? SignInRefusal.NotInOrganisation : await DeactivateAsync(db, person, cancellationToken));
        }

        if (person is null)
        {
            person = new Person(profile.UserId, profile.Name);
            db.People.Add(person);
        }

        await DingTalkProfile.ReleaseMobileAsync(db, profile, cancellationToken);
        Refresh(person, profile, adminLevel);
        await db.SaveChangesAsync(cancellationToken);
        await RoleMembership.RecomputeAsync(db, roles.CurrentValue.MapDingTalkAdmins, person.Id, cancellationToken);
        return new SignInOutcome(Principal(person), null);
    }

    private static async Task<SignInRefusal> DeactivateAsync(PortalDb db, Person person, CancellationToken cancellationToken)
    {
        person.Active = false;
        await db.SaveChangesAsync(cancellationToken);
        return SignInRefusal.LeftCompany;
    }

    private void Refresh(Person person, DingTalkUser profile, int adminLevel)
    {
        DingTalkProfile.Apply(profile, person);
        person.Active = true;
        person.AdminLevel = adminLevel;
        person.UpdatedAt = time.GetUtcNow().UtcDateTime;
        DingTalkProfile.ApplyMemberships(profile, person);
    }

    private ClaimsPrincipal Principal(Person person)
    {
        Claim[] claims =
        [
            new(ClaimTypes.NameIdentifier, person.Id.ToString()),
            new(ClaimTypes.Name, person.Name),
            new(PortalClaims.DingTalkUserId, person.UserId),
            new(PortalClaims.DingTalkUnionId, person.UnionId ?? ""),
            new(PortalClaims.CheckedAt, time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        ];
        return new ClaimsPrincipal(new ClaimsIdentity(claims, PortalClaims.Scheme));
    }
}

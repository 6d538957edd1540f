using Portal.DingTalk.Client.Contacts;
using Portal.Domain.People;

namespace Portal.Web.Features.People;

/// <summary>Copies what DingTalk says about a person onto the directory, the same way at import and at sign-in.</summary>
public static class DingTalkProfile
{
    /// <returns>Whether anything changed.</returns>
    public static bool Apply(DingTalkUser profile, Person person)
    {
        var before = (person.Name, person.UnionId, person.Mobile, person.Title, person.JobNumber, person.Email, person.AvatarUrl, person.DingTalkRoles, person.HiredAt);
        person.Name = profile.Name;
        person.UnionId = profile.UnionId ?? person.UnionId;

        // DingTalk omits the mobile when the app may not read it; an absent one is not a removed one.
        person.Mobile = string.IsNullOrEmpty(profile.Mobile) ? person.Mobile : profile.Mobile;
        person.Title = profile.Title;
        person.JobNumber = profile.JobNumber;
        person.Email = profile.Email ?? profile.OrgEmail;
        person.AvatarUrl = profile.Avatar;
        person.SetDingTalkRoles(profile.Roles.Select(r => r.Name));
        person.HiredAt = profile.HiredDate is { } hired ? DateTimeOffset.FromUnixTimeMilliseconds(hired).UtcDateTime : null;
        return before != (person.Name, person.UnionId, person.Mobile, person.Title, person.JobNumber, person.Email, person.AvatarUrl, person.DingTalkRoles, person.HiredAt);
    }
}

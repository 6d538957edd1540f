namespace Portal.Web.Features.Roles;

/// <summary>Configuration section <c>Roles</c>.</summary>
public sealed class RolesOptions
{
    public const string SectionName = "Roles";

    /// <summary>DingTalk's main and sub-admins are portal admins too.</summary>
    public bool MapDingTalkAdmins { get; set; } = true;
}

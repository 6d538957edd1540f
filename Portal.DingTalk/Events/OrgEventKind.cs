namespace Portal.DingTalk.Events;

/// <summary>The org (通讯录) events the portal understands; anything else arrives as <see cref="Unknown"/>.</summary>
public enum OrgEventKind
{
    Unknown,
    UserAddOrg,
    UserModifyOrg,
    UserLeaveOrg,
    UserActiveOrg,
    UserDeptChange,
    UserRoleChange,
    OrgAdminAdd,
    OrgAdminRemove,
    OrgDeptCreate,
    OrgDeptModify,
    OrgDeptRemove,
    OrgChange,
    LabelUserChange,
    CheckUrl,
}

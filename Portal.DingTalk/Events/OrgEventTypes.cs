using System.Collections.Frozen;

namespace Portal.DingTalk.Events;

/// <summary>DingTalk's wire names of the org events and their mapping to <see cref="OrgEventKind"/>.</summary>
public static class OrgEventTypes
{
    public const string UserAddOrg = "user_add_org";
    public const string UserModifyOrg = "user_modify_org";
    public const string UserLeaveOrg = "user_leave_org";
    public const string UserActiveOrg = "user_active_org";
    public const string UserDeptChange = "user_dept_change";
    public const string UserRoleChange = "user_role_change";
    public const string OrgAdminAdd = "org_admin_add";
    public const string OrgAdminRemove = "org_admin_remove";
    public const string OrgDeptCreate = "org_dept_create";
    public const string OrgDeptModify = "org_dept_modify";
    public const string OrgDeptRemove = "org_dept_remove";
    public const string OrgChange = "org_change";
    public const string LabelUserChange = "label_user_change";
    public const string CheckUrl = "check_url";

    private static readonly FrozenDictionary<string, OrgEventKind> Kinds = new Dictionary<string, OrgEventKind>(StringComparer.OrdinalIgnoreCase)
    {
        [UserAddOrg] = OrgEventKind.UserAddOrg,
        [UserModifyOrg] = OrgEventKind.UserModifyOrg,
        [UserLeaveOrg] = OrgEventKind.UserLeaveOrg,
        [UserActiveOrg] = OrgEventKind.UserActiveOrg,
        [UserDeptChange] = OrgEventKind.UserDeptChange,
        [UserRoleChange] = OrgEventKind.UserRoleChange,
        [OrgAdminAdd] = OrgEventKind.OrgAdminAdd,
        [OrgAdminRemove] = OrgEventKind.OrgAdminRemove,
        [OrgDeptCreate] = OrgEventKind.OrgDeptCreate,
        [OrgDeptModify] = OrgEventKind.OrgDeptModify,
        [OrgDeptRemove] = OrgEventKind.OrgDeptRemove,
        [OrgChange] = OrgEventKind.OrgChange,
        [LabelUserChange] = OrgEventKind.LabelUserChange,
        [CheckUrl] = OrgEventKind.CheckUrl,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<OrgEventKind, string> Names = Kinds.ToFrozenDictionary(pair => pair.Value, pair => pair.Key);

    /// <summary>The kind for a wire name (case-insensitive); <see cref="OrgEventKind.Unknown"/> for any other name.</summary>
    public static OrgEventKind ToKind(string? type) =>
        type is not null && Kinds.TryGetValue(type.Trim(), out var kind) ? kind : OrgEventKind.Unknown;

    /// <summary>The wire name of a kind, or <c>null</c> for <see cref="OrgEventKind.Unknown"/>.</summary>
    public static string? ToType(OrgEventKind kind) => Names.GetValueOrDefault(kind);
}

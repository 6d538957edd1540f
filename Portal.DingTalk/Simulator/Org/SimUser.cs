using System.Text.Json.Serialization;

namespace Portal.DingTalk.Simulator.Org;

/// <summary>A person as the simulator stores it; serialized as-is into the state file.</summary>
internal sealed class SimUser
{
    public const int NoAdmin = 0;
    public const int MainAdmin = 1;
    public const int SubAdmin = 2;
    public const int Boss = 100;

    public string UserId { get; set; } = "";

    public string UnionId { get; set; } = "";

    public string Name { get; set; } = "";

    public string Mobile { get; set; } = "";

    public string StateCode { get; set; } = "86";

    public bool HideMobile { get; set; }

    public string? Avatar { get; set; }

    public string? Title { get; set; }

    public string? JobNumber { get; set; }

    public string? Email { get; set; }

    public string? OrgEmail { get; set; }

    public string? Telephone { get; set; }

    public string? WorkPlace { get; set; }

    public string? Remark { get; set; }

    /// <summary>DingTalk's custom fields, a JSON object kept as its string.</summary>
    public string? Extension { get; set; }

    /// <summary>Unix milliseconds.</summary>
    public long? HiredDate { get; set; }

    public string? ManagerUserId { get; set; }

    public bool Active { get; set; } = true;

    public bool RealAuthed { get; set; }

    public bool Senior { get; set; }

    /// <summary>0 none, 1 main admin, 2 sub-admin, 100 boss (as <c>sys_level</c> reports it).</summary>
    public int SysLevel { get; set; }

    public List<long> DeptIds { get; set; } = [];

    /// <summary>Position within each department (DingTalk's <c>dept_order_list</c>).</summary>
    public Dictionary<long, long> DeptOrders { get; set; } = [];

    /// <summary>Order of joining the organisation, for <c>order_field=entry_*</c>.</summary>
    public long Sequence { get; set; }

    /// <summary>Unix milliseconds of the last change, for <c>order_field=modify_*</c>.</summary>
    public long ModifiedAt { get; set; }

    [JsonIgnore]
    public bool IsAdmin => SysLevel is MainAdmin or SubAdmin;

    [JsonIgnore]
    public bool IsBoss => SysLevel == Boss;

    public long OrderIn(long deptId) => DeptOrders.TryGetValue(deptId, out var order) ? order : Sequence;
}

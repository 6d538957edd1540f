namespace Portal.DingTalk.Simulator.Org;

/// <summary>A department as the simulator stores it; serialized as-is into the state file.</summary>
internal sealed class SimDepartment
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Absent only for the root department (id 1).</summary>
    public long? ParentId { get; set; }

    public long Order { get; set; }

    public string? SourceIdentifier { get; set; }

    public string? Code { get; set; }

    public bool CreateDeptGroup { get; set; }

    public bool AutoAddUser { get; set; }

    public bool HideDept { get; set; }

    public bool OuterDept { get; set; }

    public List<string> ManagerUserIds { get; set; } = [];
}

using Portal.DingTalk.Simulator.Http;

namespace Portal.DingTalk.Simulator.Org;

/// <summary>The persisted part of an organisation.</summary>
internal sealed class OrganisationData
{
    public string CorpName { get; set; } = "";

    public long NextSequence { get; set; }

    public List<SimDepartment> Departments { get; set; } = [];

    public List<SimUser> Users { get; set; } = [];
}

/// <summary>
/// Departments and people with the lookups DingTalk's contact APIs need. Not thread-safe by itself:
/// <see cref="State.SimulatorState"/> serializes every access.
/// </summary>
internal sealed class Organisation
{
    public const long RootId = 1;

    private readonly Dictionary<long, SimDepartment> departments;
    private readonly Dictionary<string, SimUser> users;
    private long nextSequence;
    private List<SimUser>? ordered;

    public Organisation(OrganisationData data)
    {
        CorpName = data.CorpName;
        nextSequence = data.NextSequence;
        departments = data.Departments.ToDictionary(d => d.Id);
        users = data.Users.ToDictionary(u => u.UserId, StringComparer.Ordinal);
    }

    public string CorpName { get; }

    public IEnumerable<SimDepartment> Departments => departments.Values;

    /// <summary>In order of joining; kept sorted between changes, as every list and every send to all walks it.</summary>
    public IReadOnlyList<SimUser> Users => ordered ??= [.. users.Values.OrderBy(u => u.Sequence)];

    public int UserCount => users.Count;

    public SimDepartment? Department(long id) => departments.GetValueOrDefault(id);

    public SimUser? User(string userId) => users.GetValueOrDefault(userId);

    public SimUser? UserByUnionId(string unionId) => users.Values.FirstOrDefault(u => u.UnionId == unionId);

    public SimUser? UserByMobile(string mobile) => users.Values.FirstOrDefault(u => u.Mobile == mobile);

    public SimUser? UserByEmail(string email) =>
        users.Values.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<SimDepartment> Children(long deptId) =>
        departments.Values.Where(d => d.ParentId == deptId).OrderBy(d => d.Order).ThenBy(d => d.Id);

    public IEnumerable<SimUser> DirectMembers(long deptId) =>
        users.Values.Where(u => u.DeptIds.Contains(deptId)).OrderBy(u => u.Sequence);

    /// <summary>Distinct people in the department and all departments below it.</summary>
    public int MemberCount(long deptId)
    {
        var subtree = Subtree(deptId).ToHashSet();
        return users.Values.Count(u => u.DeptIds.Any(subtree.Contains));
    }

    /// <summary>The department and every department below it, parents before children, siblings in order.</summary>
    public IEnumerable<long> Subtree(long deptId)
    {
        // One pass to index children: walking the tree by scanning all departments per node is quadratic.
        var children = departments.Values.ToLookup(d => d.ParentId);
        var pending = new Stack<long>([deptId]);
        while (pending.Count > 0)
        {
            var id = pending.Pop();
            yield return id;
            foreach (var child in children[id].OrderByDescending(d => d.Order).ThenByDescending(d => d.Id))
            {
                pending.Push(child.Id);
            }
        }
    }

    public int Depth(long deptId)
    {
        var depth = 1;
        for (var current = Department(deptId); current?.ParentId is { } parent; current = Department(parent))
        {
            depth++;
        }

        return depth;
    }

    public bool IsLeader(SimUser user, long deptId) => Department(deptId)?.ManagerUserIds.Contains(user.UserId) == true;

    public void Add(SimDepartment department) => departments.Add(department.Id, department);

    public void Remove(SimDepartment department) => departments.Remove(department.Id);

    public void Add(SimUser user)
    {
        user.Sequence = ++nextSequence;
        users.Add(user.UserId, user);
        ordered = null;
    }

    /// <summary>Takes the person out with every reference to them (leaderships, reporting lines).</summary>
    public void Remove(SimUser user)
    {
        users.Remove(user.UserId);
        ordered = null;
        foreach (var department in departments.Values)
        {
            department.ManagerUserIds.Remove(user.UserId);
        }

        foreach (var report in users.Values.Where(u => u.ManagerUserId == user.UserId))
        {
            report.ManagerUserId = null;
        }
    }

    public long NewDepartmentId()
    {
        long id;
        do
        {
            id = RandomIds.DepartmentId();
        }
        while (departments.ContainsKey(id));

        return id;
    }

    public string NewUserId()
    {
        string id;
        do
        {
            id = RandomIds.UserId();
        }
        while (users.ContainsKey(id));

        return id;
    }

    public OrganisationData ToData() => new()
    {
        CorpName = CorpName,
        NextSequence = nextSequence,
        Departments = [.. departments.Values.OrderBy(d => Depth(d.Id)).ThenBy(d => d.Order)],
        Users = [.. Users],
    };
}

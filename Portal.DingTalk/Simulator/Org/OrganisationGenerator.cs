using System.Globalization;

namespace Portal.DingTalk.Simulator.Org;

/// <summary>
/// Staffs <see cref="DemoBlueprint"/> with made-up people. Everything comes from one seeded
/// <see cref="Random"/>, so a seed and a head count always give the same organisation.
/// </summary>
internal sealed class OrganisationGenerator
{
    private static readonly DateTimeOffset LatestHire = new(2025, 12, 31, 1, 0, 0, TimeSpan.Zero);

    private readonly Random random;
    private readonly int people;
    private readonly List<SimDepartment> departments = [];
    private readonly Dictionary<long, CentreBlueprint?> centreOf = [];
    private readonly Dictionary<long, int> depthOf = [];
    private readonly List<SimUser> users = [];
    private readonly HashSet<string> takenUserIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> takenMobiles = new(StringComparer.Ordinal);
    private readonly HashSet<string> takenNames = new(StringComparer.Ordinal);

    private OrganisationGenerator(int seed, int people)
    {
        random = new Random(seed);
        this.people = people;
    }

    public static OrganisationData Generate(int seed, int people) => new OrganisationGenerator(seed, people).Build();

    private OrganisationData Build()
    {
        BuildTree();
        AppointLeaders();
        StaffTeams();
        AddSecondDepartments();
        SetReportingLines();
        AppointAdmins();
        LeaveSomeInactive();
        return new OrganisationData
        {
            CorpName = DemoBlueprint.CorpName,
            NextSequence = users.Count,
            Departments = departments,
            Users = users,
        };
    }

    private void BuildTree()
    {
        var root = AddDepartment(DemoBlueprint.CorpName, parent: null, order: 0, centre: null);
        foreach (var (centre, centreIndex) in DemoBlueprint.Centres.Select((c, i) => (c, i)))
        {
            var unit = AddDepartment(centre.Name, root, centreIndex + 1, centre);
            foreach (var (department, departmentIndex) in centre.Departments.Select((d, i) => (d, i)))
            {
                var dept = AddDepartment(department.Name, unit, departmentIndex + 1, centre);
                foreach (var (group, groupIndex) in department.Groups.Select((g, i) => (g, i)))
                {
                    AddDepartment(group, dept, groupIndex + 1, centre);
                }
            }
        }
    }

    private SimDepartment AddDepartment(string name, SimDepartment? parent, long order, CentreBlueprint? centre)
    {
        long id = Organisation.RootId;
        if (parent is not null)
        {
            do
            {
                id = random.Next(100_000_000, 1_000_000_000);
            }
            while (centreOf.ContainsKey(id));
        }

        var department = new SimDepartment
        {
            Id = id,
            Name = name,
            ParentId = parent?.Id,
            Order = order,
            CreateDeptGroup = parent is null || depthOf[parent.Id] == 1,
            AutoAddUser = true,
        };
        departments.Add(department);
        centreOf[id] = centre;
        depthOf[id] = parent is null ? 1 : depthOf[parent.Id] + 1;
        return department;
    }

    /// <summary>Top-down, so a small head count still fills the company's and centres' leadership first.</summary>
    private void AppointLeaders()
    {
        foreach (var department in departments.OrderBy(d => depthOf[d.Id]).Take(people))
        {
            var title = depthOf[department.Id] switch
            {
                1 => "首席执行官",
                2 => department.Name.EndsWith("事业部", StringComparison.Ordinal) ? "事业部总经理" : "中心总监",
                3 => "部门经理",
                _ => "组长",
            };
            var leader = AddPerson(department, title, leader: true);
            department.ManagerUserIds.Add(leader.UserId);
        }
    }

    private void StaffTeams()
    {
        var teams = departments.Where(d => !departments.Any(child => child.ParentId == d.Id)).ToList();
        var totalWeight = DemoBlueprint.Centres.Sum(c => c.Weight);
        while (users.Count < people)
        {
            var pick = random.Next(totalWeight);
            var centre = DemoBlueprint.Centres.First(c => (pick -= c.Weight) < 0);
            var candidates = teams.Where(t => centreOf[t.Id] == centre).ToList();
            var team = candidates[random.Next(candidates.Count)];
            AddPerson(team, centre.Titles[random.Next(centre.Titles.Length)], leader: false);
        }
    }

    private SimUser AddPerson(SimDepartment department, string title, bool leader)
    {
        var sequence = users.Count + 1;
        var jobNumber = string.Create(CultureInfo.InvariantCulture, $"XH{sequence:D5}");
        var hired = LatestHire.AddDays(-random.Next(sequence == 1 ? 3650 : 0, 3650 + 1)).ToUnixTimeMilliseconds();
        var user = new SimUser
        {
            UserId = NextUserId(sequence),
            UnionId = NextUnionId(),
            Name = NextName(),
            Mobile = NextMobile(),
            Title = title,
            JobNumber = jobNumber,
            WorkPlace = centreOf[department.Id]?.City ?? "杭州",
            Email = random.Next(10) < 6 ? $"{jobNumber.ToLowerInvariant()}@{DemoBlueprint.MailDomain}" : null,
            Telephone = leader ? string.Create(CultureInfo.InvariantCulture, $"0571-8{random.Next(1_000_000, 10_000_000)}") : null,
            Extension = random.Next(20) == 0 ? string.Create(CultureInfo.InvariantCulture, $"{{\"工位\":\"{(char)('A' + random.Next(4))}-{random.Next(1, 9)}-{random.Next(1, 60):D2}\"}}") : null,
            HiredDate = hired,
            ModifiedAt = hired,
            RealAuthed = true,
            Sequence = sequence,
            DeptIds = [department.Id],
            DeptOrders = new() { [department.Id] = leader ? 0 : sequence },
        };
        users.Add(user);
        return user;
    }

    private void AddSecondDepartments()
    {
        var teams = departments.Where(d => depthOf[d.Id] >= 3).ToList();
        var regulars = users.Where(u => !IsLeader(u)).ToList();
        var count = regulars.Count < 10 ? 0 : Math.Max(2, regulars.Count / 16);
        foreach (var user in regulars.OrderBy(_ => random.Next()).Take(count))
        {
            var second = teams[random.Next(teams.Count)];
            if (!user.DeptIds.Contains(second.Id))
            {
                user.DeptIds.Add(second.Id);
                user.DeptOrders[second.Id] = user.Sequence;
            }
        }
    }

    private void SetReportingLines()
    {
        foreach (var user in users)
        {
            for (var dept = departments.First(d => d.Id == user.DeptIds[0]); ; dept = departments.First(d => d.Id == dept.ParentId))
            {
                var manager = dept.ManagerUserIds.FirstOrDefault(id => id != user.UserId);
                if (manager is not null || dept.ParentId is null)
                {
                    user.ManagerUserId = manager;
                    break;
                }
            }
        }
    }

    private void AppointAdmins()
    {
        if (users.Count == 0)
        {
            return;
        }

        users[0].SysLevel = SimUser.Boss;
        users[0].Senior = true;
        var mainAdmin = LeaderOf(DemoBlueprint.MainAdminTeam) ?? users.ElementAtOrDefault(1);
        mainAdmin?.SysLevel = SimUser.MainAdmin;
        foreach (var name in DemoBlueprint.SubAdminDepartments)
        {
            LeaderOf(name)?.SysLevel = SimUser.SubAdmin;
        }
    }

    private void LeaveSomeInactive()
    {
        var regulars = users.Where(u => !IsLeader(u)).ToList();
        var count = regulars.Count < 10 ? 0 : Math.Max(2, regulars.Count / 25);
        foreach (var user in regulars.OrderBy(_ => random.Next()).Take(count))
        {
            user.Active = false;
            user.RealAuthed = false;
        }
    }

    private SimUser? LeaderOf(string departmentName) =>
        departments.FirstOrDefault(d => d.Name == departmentName)?.ManagerUserIds.FirstOrDefault() is { } id
            ? users.First(u => u.UserId == id)
            : null;

    private bool IsLeader(SimUser user) => departments.Any(d => d.ManagerUserIds.Contains(user.UserId));

    private string NextUserId(int sequence)
    {
        string id;
        do
        {
            id = sequence == 1
                ? string.Create(CultureInfo.InvariantCulture, $"manager{random.Next(1000, 10000)}")
                : "0" + Digits(15);
        }
        while (!takenUserIds.Add(id));

        return id;
    }

    private string NextUnionId()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return new string([.. Enumerable.Range(0, 26).Select(_ => alphabet[random.Next(alphabet.Length)])]) + "iE";
    }

    private string NextMobile()
    {
        string mobile;
        do
        {
            mobile = "1" + (char)('3' + random.Next(7)) + Digits(9);
        }
        while (!takenMobiles.Add(mobile));

        return mobile;
    }

    /// <summary>Common surnames come up more often; a repeated full name is retried a few times, as real orgs have only some.</summary>
    private string NextName()
    {
        var name = "";
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var surname = DemoBlueprint.Surnames[(int)(Math.Pow(random.NextDouble(), 2) * DemoBlueprint.Surnames.Length)];
            var givenLength = random.Next(10) < 3 ? 1 : 2;
            var given = new string([.. Enumerable.Range(0, givenLength).Select(_ => DemoBlueprint.GivenNameCharacters[random.Next(DemoBlueprint.GivenNameCharacters.Length)])]);
            name = surname + given;
            if (takenNames.Add(name))
            {
                break;
            }
        }

        return name;
    }

    private string Digits(int count) => new([.. Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10)))]);
}

namespace Portal.Bench;

internal sealed record OrgDepartment(long Id, string Name, long? ParentId);

internal sealed record OrgPerson(string UserId, string Name, string Mobile, long[] DeptIds, bool Active);

/// <summary>
/// The organisation both sides of the fan-out benchmark hold: 90 top-level units, each with 4 departments
/// of 3 teams, and people spread over them. A person's second department (one in ten has one) lies in the
/// same unit, so whole units can be addressed as departments without anyone counted twice.
/// </summary>
internal sealed record FanOutOrg(IReadOnlyList<OrgDepartment> Departments, IReadOnlyList<OrgPerson> People, IReadOnlyList<long> Units)
{
    public const int UnitCount = 90;

    public static FanOutOrg Generate(int people)
    {
        var random = new Random(42);
        var departments = new List<OrgDepartment> { new(1, "星河集团", null) };
        var units = new List<long>();
        var subtreeOf = new Dictionary<long, List<long>>();
        var next = 1000L;
        for (var u = 1; u <= UnitCount; u++)
        {
            var unit = ++next;
            units.Add(unit);
            departments.Add(new OrgDepartment(unit, $"事业部{u:D2}", 1));
            var subtree = new List<long> { unit };
            for (var d = 1; d <= 4; d++)
            {
                var department = ++next;
                departments.Add(new OrgDepartment(department, $"事业部{u:D2}-部门{d}", unit));
                subtree.Add(department);
                for (var t = 1; t <= 3; t++)
                {
                    var team = ++next;
                    departments.Add(new OrgDepartment(team, $"事业部{u:D2}-部门{d}-{t}组", department));
                    subtree.Add(team);
                }
            }

            subtreeOf[unit] = subtree;
        }

        var members = new List<OrgPerson>(people);
        for (var i = 0; i < people; i++)
        {
            var subtree = subtreeOf[units[random.Next(units.Count)]];
            var first = subtree[random.Next(subtree.Count)];
            var second = subtree[random.Next(subtree.Count)];
            long[] deptIds = i % 10 == 0 && second != first ? [first, second] : [first];
            members.Add(new OrgPerson($"fan{i:D6}", $"员工{i}", $"138{i:D8}", deptIds, Active: i % 50 != 0));
        }

        return new FanOutOrg(departments, members, units);
    }
}

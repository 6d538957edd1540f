using System.Globalization;

namespace Portal.Web.Features.People.Import;

/// <summary>The staged "departments this person leads", kept as a comma-separated list of ids.</summary>
internal static class LeaderList
{
    public static string Add(string list, long departmentId)
    {
        var ids = Parse(list);
        return ids.Add(departmentId) ? string.Join(',', ids.Order().Select(id => id.ToString(CultureInfo.InvariantCulture))) : list;
    }

    public static HashSet<long> Parse(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => long.Parse(id, CultureInfo.InvariantCulture))];
}

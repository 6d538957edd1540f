using System.Text.Json;
using System.Text.RegularExpressions;
using Portal.DingTalk.Simulator.Http;
using Portal.DingTalk.Simulator.Org;

namespace Portal.DingTalk.Simulator.Endpoints;

/// <summary>
/// The person fields of <c>user/create</c> and <c>user/update</c>, checked in two steps: their form
/// when read, then uniqueness and references against the organisation, before anything changes.
/// </summary>
internal sealed partial class UserFields
{
    private const int MaxDepartments = 100;

    // Optional text: absent = unchanged; present = set; empty and listed in force_update_fields = cleared.
    private readonly Dictionary<string, string?> texts = new(StringComparer.Ordinal);

    private UserFields()
    {
    }

    public string? Name { get; private init; }

    public string? Mobile { get; private init; }

    public IReadOnlyList<long>? DeptIds { get; private init; }

    public long? HiredDate { get; private init; }

    public bool? Senior { get; private init; }

    public bool? HideMobile { get; private init; }

    public static bool IsMobile(string mobile) => MainlandMobile().IsMatch(mobile) || InternationalMobile().IsMatch(mobile);

    public static UserFields Read(OapiParameters parameters)
    {
        var forced = (parameters.List("force_update_fields") ?? []).ToHashSet(StringComparer.Ordinal);
        var deptIds = parameters.NumberList("dept_id_list");
        if (deptIds is { Count: 0 or > MaxDepartments })
        {
            throw OapiParameters.Invalid("dept_id_list");
        }

        var fields = new UserFields
        {
            Name = Check(parameters.Text("name"), n => n.Trim().Length is > 0 and <= 80, 60112, "用户姓名不合法")?.Trim(),
            Mobile = Check(parameters.Text("mobile"), IsMobile, 60103, "手机号码不合法"),
            DeptIds = deptIds,
            HiredDate = parameters.Number("hired_date"),
            Senior = parameters.Flag("senior_mode"),
            HideMobile = parameters.Flag("hide_mobile"),
        };
        fields.Text(parameters, forced, "title", 200);
        fields.Text(parameters, forced, "job_number", 50);
        fields.Text(parameters, forced, "telephone", 50);
        fields.Text(parameters, forced, "work_place", 100);
        fields.Text(parameters, forced, "remark", 2000);
        fields.Text(parameters, forced, "extension", 2000);
        fields.Text(parameters, forced, "email", 50);
        fields.Text(parameters, forced, "org_email", 100);
        fields.Text(parameters, forced, "manager_userid", 64);
        if (fields.texts.GetValueOrDefault("email") is { } email && !Email().IsMatch(email))
        {
            throw new SimulatedError(60105, "邮箱不合法");
        }

        if (fields.texts.GetValueOrDefault("extension") is { } extension && !IsJsonObject(extension))
        {
            throw OapiParameters.Invalid("extension");
        }

        return fields;
    }

    /// <summary>Uniqueness and references, for a new person (<paramref name="self"/> null) or an existing one.</summary>
    public void CheckAgainst(Organisation organisation, SimUser? self)
    {
        if (Mobile is not null && organisation.UserByMobile(Mobile) is { } holder && holder != self)
        {
            throw new SimulatedError(60104, "手机号码在公司中已存在");
        }

        if (texts.GetValueOrDefault("email") is { } email && organisation.UserByEmail(email) is { } owner && owner != self)
        {
            throw new SimulatedError(60106, "邮箱在公司中已存在");
        }

        if (DeptIds?.Where(id => organisation.Department(id) is null).Select(id => (long?)id).FirstOrDefault() is { } missing)
        {
            throw new SimulatedError(60003, $"部门不存在:{missing}");
        }

        if (texts.GetValueOrDefault("manager_userid") is { } manager && (manager == self?.UserId || organisation.User(manager) is null))
        {
            throw new SimulatedError(60121, "找不到该用户:manager_userid");
        }
    }

    public void ApplyTo(SimUser user, Organisation organisation, long nowMilliseconds)
    {
        user.Name = Name ?? user.Name;
        user.Mobile = Mobile ?? user.Mobile;
        user.HiredDate = HiredDate ?? user.HiredDate;
        user.Senior = Senior ?? user.Senior;
        user.HideMobile = HideMobile ?? user.HideMobile;
        foreach (var (name, value) in texts)
        {
            Assign(user, name, value);
        }

        if (DeptIds is not null)
        {
            foreach (var left in user.DeptIds.Except(DeptIds))
            {
                organisation.Department(left)?.ManagerUserIds.Remove(user.UserId);
                user.DeptOrders.Remove(left);
            }

            user.DeptIds = [.. DeptIds.Distinct()];
        }

        user.ModifiedAt = nowMilliseconds;
    }

    private static void Assign(SimUser user, string name, string? value)
    {
        switch (name)
        {
            case "title": user.Title = value; break;
            case "job_number": user.JobNumber = value; break;
            case "telephone": user.Telephone = value; break;
            case "work_place": user.WorkPlace = value; break;
            case "remark": user.Remark = value; break;
            case "extension": user.Extension = value; break;
            case "email": user.Email = value; break;
            case "org_email": user.OrgEmail = value; break;
            case "manager_userid": user.ManagerUserId = value; break;
        }
    }

    private void Text(OapiParameters parameters, HashSet<string> forced, string name, int maxLength)
    {
        var value = parameters.Text(name);
        if (!string.IsNullOrEmpty(value))
        {
            texts[name] = value.Length <= maxLength ? value : throw OapiParameters.Invalid(name);
        }
        else if (forced.Contains(name))
        {
            texts[name] = null;
        }
    }

    private static string? Check(string? value, Func<string, bool> valid, int errCode, string message) =>
        value is null || valid(value) ? value : throw new SimulatedError(errCode, message);

    private static bool IsJsonObject(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MainlandMobile();

    [GeneratedRegex(@"^\+\d{1,4}-\d{4,20}$")]
    private static partial Regex InternationalMobile();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace Portal.Web.Features.Demo;

/// <summary>Who a demo request comes from, as the OA system would name them.</summary>
internal sealed record DemoApplicant(string Name, string Team);

/// <summary>
/// One approval request the demo OA system sends: the applicant works in <see cref="Unit"/>, whose head
/// decides, or the company's head for <see cref="ToCompanyHead"/>. Texts take the applicant's name and
/// dates counted from today (China time), as an OA system fills them in.
/// </summary>
internal sealed record DemoTodoRequest(
    string ExternalId,
    string Unit,
    Func<DemoApplicant, DateTimeOffset, string> Title,
    Func<DemoApplicant, DateTimeOffset, string> Description,
    Func<DemoApplicant, DateTimeOffset, (string Key, string Value)[]> Fields,
    int DueInDays,
    int Priority,
    bool ToCompanyHead = false)
{
    /// <summary>The body of <c>PUT /api/v1/todos/{externalId}</c>, exactly as the OA system would send it.</summary>
    public byte[] Body(string approverUserId, DemoApplicant applicant, DateTimeOffset today)
    {
        var due = new DateTimeOffset(today.Date.AddDays(DueInDays).AddHours(18), today.Offset);
        var body = new JsonObject
        {
            ["title"] = Title(applicant, today),
            ["description"] = Description(applicant, today),
            ["assignees"] = new JsonArray(new JsonObject { ["userId"] = approverUserId }),
            ["due"] = due.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            ["priority"] = Priority,
            ["formFields"] = new JsonArray([.. Fields(applicant, today).Select(f => (JsonNode)new JsonObject { ["key"] = f.Key, ["value"] = f.Value })]),
            ["actions"] = new JsonArray(
                new JsonObject { ["key"] = "approve", ["label"] = "同意" },
                new JsonObject { ["key"] = "reject", ["label"] = "拒绝", ["requiresComment"] = true }),
        };
        return System.Text.Encoding.UTF8.GetBytes(body.ToJsonString());
    }
}

/// <summary>What "OA 演示系统" (the demo client demo-oa) has waiting for approval in 星河数智科技.</summary>
internal static class DemoTodoRequests
{
    public static readonly DemoTodoRequest[] All =
    [
        new(
            "demo-oa-leave-0001",
            "研发中心",
            (a, _) => $"年假申请：{a.Name}",
            (a, _) => $"{a.Name}申请年假 3 天，手头工作已交接给同组同事。",
            (a, today) => [("申请人", Applicant(a)), ("假期类型", "年假"), ("请假时间", $"{Day(today, 3)} 至 {Day(today, 5)}"), ("天数", "3 天")],
            DueInDays: 2,
            Priority: 20),
        new(
            "demo-oa-expense-0002",
            "市场中心",
            (a, _) => $"费用报销：{a.Name} 客户沙龙物料费",
            (_, _) => "上海站客户沙龙的物料制作与场地布置费用，3 张发票已上传 OA。",
            (a, _) => [("申请人", Applicant(a)), ("报销金额", "¥3,680.00"), ("费用类型", "市场活动"), ("发票", "3 张")],
            DueInDays: 3,
            Priority: 20),
        new(
            "demo-oa-purchase-0003",
            "职能中心",
            (_, _) => "采购申请：笔记本电脑 5 台",
            (_, _) => "为下月入职的研发同事采购办公电脑，已比较三家供应商的报价。",
            (a, today) => [("申请人", Applicant(a)), ("采购金额", "¥42,500.00"), ("供应商", "杭州云启电子有限公司"), ("预计到货", Day(today, 10))],
            DueInDays: 2,
            Priority: 30),
        new(
            "demo-oa-trip-0004",
            "客户成功中心",
            (a, _) => $"出差申请：{a.Name} 成都 → 重庆",
            (_, _) => "前往客户现场支持系统上线实施。",
            (a, today) => [("申请人", Applicant(a)), ("出差时间", $"{Day(today, 1)} 至 {Day(today, 4)}"), ("行程", "成都 → 重庆"), ("预计费用", "¥2,400.00")],
            DueInDays: 1,
            Priority: 30),
        new(
            "demo-oa-overtime-0005",
            "产品设计中心",
            (a, _) => $"加班申请：{a.Name} 周六版本评审",
            (_, _) => "配合移动客户端新版本评审，周六加班一天，申请调休。",
            (a, today) => [("申请人", Applicant(a)), ("加班时间", Day(today, DaysToSaturday(today)) + " 全天"), ("补偿方式", "调休")],
            DueInDays: 2,
            Priority: 20),
        new(
            "demo-oa-contract-0006",
            "华东销售事业部",
            (_, _) => "合同审批：浙江恒远精密制造年度框架合同",
            (_, _) => "华东销售事业部与浙江恒远精密制造股份有限公司的年度软件服务框架合同，法务部已审核条款。",
            (a, _) => [("申请人", Applicant(a)), ("合同金额", "¥1,200,000.00"), ("合同期限", "1 年"), ("对方单位", "浙江恒远精密制造股份有限公司")],
            DueInDays: 3,
            Priority: 40,
            ToCompanyHead: true),
    ];

    private static string Applicant(DemoApplicant applicant) => $"{applicant.Name}（{applicant.Team}）";

    /// <summary>The coming Saturday: 1 to 7 days ahead.</summary>
    private static int DaysToSaturday(DateTimeOffset today) => 7 - (((int)today.DayOfWeek + 1) % 7);

    private static string Day(DateTimeOffset today, int days) => today.AddDays(days).ToString("M月d日", CultureInfo.InvariantCulture);
}

using Portal.Domain.Content;

namespace Portal.Web.Features.Content.Reading.Demo;

/// <param name="Department">The demo organisation's department (with its subtree) the item is for; null for everyone.</param>
internal sealed record DemoArticle(
    ContentKind Kind, string Title, string Summary, string Body, string Category, TimeSpan Age, string? Department = null, bool Pinned = false, bool Acknowledge = false);

/// <summary>The demo company's content, written for the simulator's organisation (星河数智科技).</summary>
internal static class DemoArticles
{
    public static readonly DemoArticle[] All =
    [
        new(ContentKind.Notice, "关于国庆节放假安排的通知", "10月1日至7日放假调休，共7天。", "<p>根据国家有关规定，现将国庆节放假安排通知如下：</p><ul><li>10月1日（周三）至7日（周二）放假，共7天；</li><li>9月28日（周日）、10月11日（周六）正常上班。</li></ul><p>请各部门提前做好工作安排，节日期间注意安全。</p>", "行政", TimeSpan.FromHours(30), Pinned: true),
        new(ContentKind.Notice, "信息安全管理制度（2026版）发布，请阅读并确认", "研发中心全员须在本周五前阅读并确认。", "<p>为保障公司及客户数据安全，《信息安全管理制度（2026版）》现已发布，主要变化：</p><ol><li>生产环境访问一律通过堡垒机；</li><li>源代码仓库启用双因素认证；</li><li>客户数据严禁导出到个人设备。</li></ol><p>请研发中心全体同事认真阅读，并点击页面下方的<strong>“我已阅读并确认”</strong>。</p>", "制度", TimeSpan.FromHours(6), Department: "研发中心", Acknowledge: true),
        new(ContentKind.Notice, "办公区空调系统检修通知", "本周六上午杭州总部空调暂停使用。", "<p>物业将于本周六 8:00–12:00 检修杭州总部办公区空调系统，届时空调暂停使用，请加班同事注意。</p>", "行政", TimeSpan.FromDays(2)),
        new(ContentKind.News, "公司荣获“年度最佳雇主”称号", "在今年的人力资源峰会上，星河数智获评年度最佳雇主。", "<p>在上周举行的人力资源峰会上，星河数智凭借完善的人才培养体系和良好的员工口碑，获评<strong>“年度最佳雇主”</strong>。</p><p>感谢每一位同事的付出！</p>", "公司新闻", TimeSpan.FromHours(3)),
        new(ContentKind.News, "移动客户端 5.0 正式发布", "移动研发部历时三个月打造的新版客户端上线。", "<p>移动研发部联合产品设计中心，历时三个月完成了客户端 5.0 的重构，启动速度提升 40%，并新增鸿蒙版本。</p><p>欢迎大家下载体验并反馈意见。</p>", "产品动态", TimeSpan.FromDays(1)),
        new(ContentKind.News, "华东销售事业部签约两家制造业龙头客户", "大客户部本季度再下两城。", "<p>华东销售事业部大客户部本季度成功签约两家制造业龙头企业，合同总额创历史新高。</p>", "业务动态", TimeSpan.FromDays(3), Department: "华东销售事业部"),
        new(ContentKind.News, "第三季度全员大会回顾", "一起回顾季度成绩与下季度目标。", "<p>第三季度全员大会于上周五举行，CEO 回顾了本季度的业务进展，并发布了下季度三项重点目标。</p><p>会议录像已上传至企业网盘。</p>", "公司新闻", TimeSpan.FromDays(5)),
    ];
}

namespace Portal.DingTalk.Simulator.Org;

/// <summary>A second-level unit (事业部 / 中心) with its departments and the jobs people hold there.</summary>
internal sealed record CentreBlueprint(string Name, string City, int Weight, string[] Titles, DepartmentBlueprint[] Departments);

/// <summary>A third-level department and its teams (小组).</summary>
internal sealed record DepartmentBlueprint(string Name, params string[] Groups);

/// <summary>The fictional company the simulator staffs: company → 事业部/中心 → 部门 → 小组.</summary>
internal static class DemoBlueprint
{
    public const string CorpName = "星河数智科技有限公司";
    public const string MailDomain = "xinghe-tech.example";
    public const string MainAdminTeam = "IT支持组";
    public static readonly string[] SubAdminDepartments = ["人力资源部", "行政部"];

    public static readonly CentreBlueprint[] Centres =
    [
        new("研发中心", "杭州", 30, ["开发工程师", "高级开发工程师", "资深开发工程师", "架构师", "测试工程师", "运维工程师"],
        [
            new("平台研发部", "基础架构组", "中间件组", "数据平台组"),
            new("业务研发部", "交易组", "会员组", "营销技术组"),
            new("移动研发部", "iOS组", "Android组", "鸿蒙组"),
            new("质量保障部", "自动化测试组", "性能测试组"),
        ]),
        new("产品设计中心", "杭州", 10, ["产品经理", "高级产品经理", "交互设计师", "视觉设计师", "用户研究员"],
        [
            new("产品部", "企业产品组", "移动产品组"),
            new("用户体验设计部", "交互设计组", "视觉设计组"),
        ]),
        new("华东销售事业部", "上海", 14, ["客户经理", "高级客户经理", "销售代表", "解决方案架构师"],
        [
            new("大客户部", "金融行业组", "制造行业组"),
            new("渠道部", "渠道拓展组", "渠道运营组"),
            new("售前解决方案部", "解决方案组"),
        ]),
        new("华北销售事业部", "北京", 10, ["客户经理", "高级客户经理", "销售代表", "商务专员"],
        [
            new("政企客户部", "政府行业组", "央企客户组"),
            new("区域销售部", "北京组", "天津组"),
        ]),
        new("市场中心", "上海", 7, ["市场专员", "品牌经理", "内容运营", "活动策划"],
        [
            new("品牌部", "品牌策划组", "公共关系组"),
            new("增长部", "内容运营组", "活动运营组"),
        ]),
        new("客户成功中心", "成都", 12, ["客服专员", "技术支持工程师", "实施顾问", "客户成功经理"],
        [
            new("客户服务部", "一线服务组", "二线支持组"),
            new("实施交付部", "交付一组", "交付二组"),
        ]),
        new("职能中心", "杭州", 9, ["HRBP", "招聘专员", "会计", "出纳", "行政专员", "IT支持工程师", "法务专员"],
        [
            new("人力资源部", "招聘组", "薪酬绩效组", "员工关系组"),
            new("财务部", "会计组", "资金组"),
            new("行政部", "行政服务组", MainAdminTeam),
            new("法务部", "合规组"),
        ]),
    ];

    /// <summary>Common surnames, most frequent first.</summary>
    public const string Surnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

    public const string GivenNameCharacters =
        "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国文辉鑫宇浩然子轩欣怡梓涵一诺雨桐思远嘉怡晨曦俊杰佳琪志强海燕晓东丹丹婷婷瑞霖";
}

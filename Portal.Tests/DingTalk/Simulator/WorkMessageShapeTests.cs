using System.Text.Json;

namespace Portal.Tests.DingTalk.Simulator;

/// <summary>What <c>asyncsend_v2</c> accepts as <c>msg</c> and <c>agent_id</c> (reference §4), over raw HTTP as any caller would send it.</summary>
public sealed class WorkMessageShapeTests(SharedSimulator shared) : IClassFixture<SharedSimulator>, IAsyncLifetime
{
    private const string Send = "topapi/message/corpconversation/asyncsend_v2";
    private string person = "";

    private SimulatorHost Host => shared.Host;

    public async Task InitializeAsync()
    {
        // One portal serves the whole class; a second per test keeps it under DingTalk's 20 calls per second.
        Host.Time.Advance(TimeSpan.FromSeconds(1));
        var people = await Host.ActivePeopleAsync();
        person = people[shared.NextPersonIndex() % people.Count].UserId;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, object, int> Messages => new()
    {
        { "text", new { msgtype = "text", text = new { content = "你好" } }, 0 },
        { "image", new { msgtype = "image", image = new { media_id = "@lADOADmaWMzazQKA" } }, 0 },
        { "file", new { msgtype = "file", file = new { media_id = "@lAjPDeC2uGvQuHbOB4H1sM5xKS0p" } }, 0 },
        { "voice", new { msgtype = "voice", voice = new { media_id = "@lATPDeC2uO6MCR7OB4H1sM5xKS0p", duration = "10" } }, 0 },
        { "link", new { msgtype = "link", link = new { messageUrl = "https://portal.example/n/1", picUrl = "https://portal.example/p.png", title = "新闻", text = "摘要" } }, 0 },
        { "markdown", new { msgtype = "markdown", markdown = new { title = "周报", text = "# 本周\n- 完成" } }, 0 },
        { "single action card", new { msgtype = "action_card", action_card = new { title = "审批", markdown = "请审批", single_title = "查看详情", single_url = "https://portal.example/a/1" } }, 0 },
        { "button action card", new { msgtype = "action_card", action_card = new { title = "投票", markdown = "午餐吃什么", btn_orientation = "1", btn_json_list = new[] { new { title = "面", action_url = "https://portal.example/v/1" }, new { title = "饭", action_url = "https://portal.example/v/2" } } } }, 0 },
        { "oa", new { msgtype = "oa", oa = new { message_url = "https://portal.example/o/1", head = new { bgcolor = "FFBBBBBB", text = "头" }, body = new { title = "标题" } } }, 0 },
        { "unknown type", new { msgtype = "sticker", sticker = new { id = "1" } }, 34014 },
        { "content missing", new { msgtype = "text" }, 34014 },
        { "link without picture", new { msgtype = "link", link = new { messageUrl = "https://portal.example/n/1", title = "新闻", text = "摘要" } }, 34014 },
        { "action card without buttons", new { msgtype = "action_card", action_card = new { title = "审批", markdown = "请审批" } }, 34014 },
        { "script url", new { msgtype = "link", link = new { messageUrl = "javascript:alert(1)", picUrl = "https://portal.example/p.png", title = "新闻", text = "摘要" } }, 40048 },
        { "markdown over 5000", new { msgtype = "markdown", markdown = new { title = "长", text = new string('字', 5001) } }, 34014 },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task Each_message_type_is_accepted_or_refused_as_DingTalk_does(string name, object msg, int errcode)
    {
        var reply = await Host.TopAsync(Send, new { agent_id = 100000001, userid_list = person, msg });

        Assert.True(errcode == reply.GetProperty("errcode").GetInt32(), $"{name}: {reply}");
        Assert.Equal(errcode == 0, reply.TryGetProperty("task_id", out var taskId) && taskId.ValueKind == JsonValueKind.Number);
    }

    [Fact]
    public async Task A_msg_given_as_JSON_text_in_a_form_is_read_like_a_JSON_body()
    {
        var token = await Host.AppTokenAsync();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["agent_id"] = "100000001",
            ["userid_list"] = person,
            ["msg"] = """{"msgtype":"text","text":{"content":"表单发送"}}""",
        });

        var reply = await SimulatorHost.ReadJsonAsync(await Host.Http.PostAsync(new Uri($"_dingtalk/oapi/{Send}?access_token={token}", UriKind.Relative), form));

        Assert.Equal(0, reply.GetProperty("errcode").GetInt32());
        Assert.Contains("表单发送", await Host.TextsAsync(person));
    }

    [Fact]
    public async Task Another_agent_id_is_refused_with_40056_and_no_recipient_at_all_with_40035()
    {
        var msg = new { msgtype = "text", text = new { content = "你好" } };

        var wrongAgent = await Host.TopAsync(Send, new { agent_id = 1, userid_list = person, msg });
        var nobody = await Host.TopAsync(Send, new { agent_id = 100000001, msg });

        Assert.Equal(40056, wrongAgent.GetProperty("errcode").GetInt32());
        Assert.Equal(40035, nobody.GetProperty("errcode").GetInt32());
    }
}

/// <summary>One simulator for a whole test class, where the tests do not disturb each other.</summary>
public sealed class SharedSimulator : IAsyncLifetime
{
    private int nextPerson;

    public SimulatorHost Host { get; private set; } = null!;

    public int NextPersonIndex() => Interlocked.Increment(ref nextPerson);

    public async Task InitializeAsync() => Host = await SimulatorHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

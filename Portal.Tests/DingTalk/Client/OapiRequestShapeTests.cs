using Portal.DingTalk.Client.Contacts;
using Portal.DingTalk.Client.Messages;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.DingTalk.Client;

/// <summary>oapi calls: paths, the token in the query, snake_case JSON and the <c>result</c> envelope, as the reference documents them.</summary>
public sealed class OapiRequestShapeTests : IDisposable
{
    private const string TokenHeader = "x-acs-dingtalk-access-token";

    private readonly ClientHarness harness = new(TestTime.Fake());

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task A_work_notification_goes_to_oapi_with_the_token_in_the_query_and_snake_case_json()
    {
        const string path = "/topapi/message/corpconversation/asyncsend_v2";
        harness.DingTalk.On(path, FakeReply.Json(200, """{"errcode":0,"errmsg":"ok","task_id":256271667526,"request_id":"4jzllmte0wau"}"""));
        var message = WorkMessage.ForLink(new LinkContent("https://portal.example.com/n/1", "https://portal.example.com/p.png", "Notice", "Read me"));

        var taskId = await harness.Client.WorkNotifications.SendAsync(
            new WorkNotification(message) { UserIds = ["u1", "u2"], DeptIds = [2, 3] }, CancellationToken.None);

        var request = Assert.Single(harness.DingTalk.To(path));
        Assert.Equal(256271667526, taskId);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("app-token-1", request.Query["access_token"]);
        Assert.Null(request.Header(TokenHeader));
        var body = request.Json();
        Assert.Equal(1000, body.GetProperty("agent_id").GetInt64());
        Assert.Equal("u1,u2", body.GetProperty("userid_list").GetString());
        Assert.Equal("2,3", body.GetProperty("dept_id_list").GetString());
        Assert.False(body.TryGetProperty("to_all_user", out _));
        var msg = body.GetProperty("msg");
        Assert.Equal("link", msg.GetProperty("msgtype").GetString());
        Assert.Equal("https://portal.example.com/n/1", msg.GetProperty("link").GetProperty("messageUrl").GetString());
        Assert.Equal("https://portal.example.com/p.png", msg.GetProperty("link").GetProperty("picUrl").GetString());
        Assert.Equal(["msgtype", "link"], msg.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task An_action_card_and_an_oa_message_use_their_documented_names()
    {
        const string path = "/topapi/message/corpconversation/asyncsend_v2";
        harness.DingTalk.On(path, FakeReply.Json(200, """{"errcode":0,"task_id":1}"""));
        var card = WorkMessage.ForActionCard(new ActionCardContent("Approve", "**Leave** request") { SingleTitle = "Open", SingleUrl = "https://p/x" });
        var oa = WorkMessage.ForOa(new OaContent("https://p/oa", new OaHead("FFBBBBBB", "Portal"), new OaBody { Title = "T", Form = [new("Who", "Zhang")] }));

        await harness.Client.WorkNotifications.SendAsync(new WorkNotification(card) { ToAllUsers = true }, CancellationToken.None);
        await harness.Client.WorkNotifications.SendAsync(new WorkNotification(oa) { UserIds = ["u1"] }, CancellationToken.None);

        var requests = harness.DingTalk.To(path);
        var sentCard = requests[0].Json().GetProperty("msg").GetProperty("action_card");
        Assert.True(requests[0].Json().GetProperty("to_all_user").GetBoolean());
        Assert.Equal("Open", sentCard.GetProperty("single_title").GetString());
        Assert.Equal("https://p/x", sentCard.GetProperty("single_url").GetString());
        Assert.False(sentCard.TryGetProperty("btn_json_list", out _));
        var sentOa = requests[1].Json().GetProperty("msg").GetProperty("oa");
        Assert.Equal("https://p/oa", sentOa.GetProperty("message_url").GetString());
        Assert.Equal("FFBBBBBB", sentOa.GetProperty("head").GetProperty("bgcolor").GetString());
        Assert.Equal("Who", sentOa.GetProperty("body").GetProperty("form")[0].GetProperty("key").GetString());
    }

    [Fact]
    public async Task Too_many_recipients_are_refused_before_anything_is_sent()
    {
        var notification = new WorkNotification(WorkMessage.ForText("hi")) { UserIds = Enumerable.Range(0, 101).Select(i => "u" + i).ToList() };

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.WorkNotifications.SendAsync(notification, CancellationToken.None));

        Assert.Empty(harness.DingTalk.Requests);
    }

    [Fact]
    public async Task Send_result_reads_the_silent_drops()
    {
        const string path = "/topapi/message/corpconversation/getsendresult";
        harness.DingTalk.On(path, FakeReply.Json(200, """
            {"errcode":0,"send_result":{"read_user_id_list":["u1"],"forbidden_list":[{"code":"143106","count":1,"userid":"u2"}]}}
            """));

        var result = await harness.Client.WorkNotifications.GetSendResultAsync(42, CancellationToken.None);

        var body = Assert.Single(harness.DingTalk.To(path)).Json();
        Assert.Equal(1000, body.GetProperty("agent_id").GetInt64());
        Assert.Equal(42, body.GetProperty("task_id").GetInt64());
        Assert.Equal(["u1"], result.ReadUserIds);
        Assert.Equal("143106", Assert.Single(result.ForbiddenList).Code);
    }

    [Fact]
    public async Task The_sso_code_resolves_from_the_topapi_result()
    {
        harness.DingTalk.On("/topapi/v2/user/getuserinfo", FakeReply.OapiResult("""
            {"userid":"u001","unionid":"abcUnion","name":"Zhang San","device_id":"12drtf","sys":true,"sys_level":1,"associated_unionid":"N2o5"}
            """));

        var user = await harness.Client.Identity.GetUserByAuthCodeAsync("authcode", CancellationToken.None);

        Assert.Equal("""{"code":"authcode"}""", harness.DingTalk.To("/topapi/v2/user/getuserinfo")[0].Body);
        Assert.Equal(("u001", "abcUnion", true, 1), (user.UserId, user.UnionId, user.IsAdmin, user.SysLevel));
    }

    [Fact]
    public async Task All_users_of_a_department_are_walked_page_by_page()
    {
        harness.DingTalk.On("/topapi/v2/user/list", request =>
        {
            var cursor = request.Json().GetProperty("cursor").GetInt64();
            return cursor switch
            {
                0 => FakeReply.OapiResult("""{"has_more":true,"next_cursor":2,"list":[{"userid":"a","name":"A"},{"userid":"b","name":"B"}]}"""),
                2 => FakeReply.OapiResult("""{"has_more":true,"next_cursor":4,"list":[{"userid":"c","name":"C"},{"userid":"d","name":"D"}]}"""),
                _ => FakeReply.OapiResult("""{"has_more":false,"list":[{"userid":"e","name":"E","dept_order":3,"leader":true}]}"""),
            };
        });

        var users = await harness.Client.Users.ListAllAsync(5, 2).ToListAsync();

        Assert.Equal(["a", "b", "c", "d", "e"], users.Select(u => u.UserId));
        var bodies = harness.DingTalk.To("/topapi/v2/user/list").Select(r => r.Json()).ToList();
        Assert.Equal([0L, 2L, 4L], bodies.Select(b => b.GetProperty("cursor").GetInt64()));
        Assert.All(bodies, b => Assert.Equal((5L, 2), (b.GetProperty("dept_id").GetInt64(), b.GetProperty("size").GetInt32())));
        Assert.True(users[^1].Leader);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task A_page_size_outside_1_to_100_is_refused(int size) =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => harness.Client.Users.ListAsync(1, 0, size, null, CancellationToken.None));

    [Fact]
    public async Task Contact_writes_send_id_lists_as_comma_separated_strings()
    {
        harness.DingTalk.On("/topapi/v2/user/create", FakeReply.OapiResult("""{"userid":"new1"}"""));
        harness.DingTalk.On("/topapi/v2/department/create", FakeReply.OapiResult("""{"dept_id":77}"""));

        var created = await harness.Client.Users.CreateAsync(new UserCreateRequest("Li Si", "13800000000", [2, 3]) { Title = "Engineer" }, CancellationToken.None);
        var deptId = await harness.Client.Departments.CreateAsync(new DepartmentCreateRequest("Sales", 1) { DeptPermits = [3, 4], HideDept = true }, CancellationToken.None);

        var user = harness.DingTalk.To("/topapi/v2/user/create")[0].Json();
        Assert.Equal("new1", created.UserId);
        Assert.Equal("2,3", user.GetProperty("dept_id_list").GetString());
        Assert.Equal("Li Si", user.GetProperty("name").GetString());
        Assert.Equal("Engineer", user.GetProperty("title").GetString());
        Assert.False(user.TryGetProperty("userid", out _));
        var department = harness.DingTalk.To("/topapi/v2/department/create")[0].Json();
        Assert.Equal(77, deptId);
        Assert.Equal(1, department.GetProperty("parent_id").GetInt64());
        Assert.Equal("3,4", department.GetProperty("dept_permits").GetString());
    }

    [Fact]
    public async Task Failed_callbacks_are_read_with_their_payload()
    {
        harness.DingTalk.On("/call_back/get_call_back_failed_result", FakeReply.Json(200, """
            {"errcode":0,"has_more":false,"failed_list":[{"call_back_tag":"user_add_org","event_time":1700000000000,"user_add_org":{"userid":["u1"],"corpid":"dingcorp"}}]}
            """));

        var page = await harness.Client.Callbacks.GetFailedAsync(CancellationToken.None);

        var sent = Assert.Single(harness.DingTalk.To("/call_back/get_call_back_failed_result"));
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal("app-token-1", sent.Query["access_token"]);
        var failed = Assert.Single(page.Failed);
        Assert.Equal("user_add_org", failed.Tag);
        Assert.Equal("u1", failed.Payload!.Value.GetProperty("userid")[0].GetString());
    }

    [Fact]
    public async Task A_base_url_with_a_path_keeps_its_prefix()
    {
        using var simulator = new ClientHarness(TestTime.Fake(), configureApp: app =>
        {
            app.OapiBaseUrl = "http://localhost:5080/_dingtalk/oapi/";
            app.ApiBaseUrl = "http://localhost:5080/_dingtalk/api";
        });
        simulator.DingTalk.On("/topapi/v2/department/listsubid", FakeReply.OapiResult("""{"dept_id_list":[2,3]}"""));

        var ids = await simulator.Client.Departments.ListChildIdsAsync(1, CancellationToken.None);

        Assert.Equal([2L, 3L], ids);
        Assert.Equal(
            ["http://localhost:5080/_dingtalk/api/v1.0/oauth2/accessToken", "http://localhost:5080/_dingtalk/oapi/topapi/v2/department/listsubid"],
            simulator.DingTalk.Requests.Select(r => r.Uri.GetLeftPart(UriPartial.Path)));
    }
}

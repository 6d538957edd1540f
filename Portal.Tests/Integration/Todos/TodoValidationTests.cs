using System.Text.Json.Nodes;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Integration.Todos.TodoTestKit;

namespace Portal.Tests.Integration.Todos;

/// <summary>Bad to-do requests are 4xx problems naming the field; nothing is written and nothing answers 500.</summary>
public sealed class TodoValidationTests : PortalTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Integration:RequestsPerMinute"] = "1000",
        ["Integration:MaxBodyBytes"] = "4096",
    };

    [Fact]
    public async Task Assignees_are_found_by_userId_mobile_or_job_number()
    {
        await SeedPeopleAsync(Portal.Services);
        var key = await IssueTodoKeyAsync(Portal.Services, "oa");

        var answer = await PutAsync(Portal.Http, key, "A-1", Todo(new { userId = "td-1" }, new { mobile = "13900000002" }, new { jobNumber = "J0003" }, new { userId = "td-3" }));

        Assert.Equal(201, answer.Status);
        Assert.Equal("todos=1 assignees=3 todo.assigned=3 todo.mirror=1", await FootprintAsync(Portal.Services));
    }

    [Theory]
    [InlineData("userId", "nobody", "assignees[2].userId")]
    [InlineData("mobile", "13000000000", "assignees[2].mobile")]
    [InlineData("jobNumber", "J0404", "assignees[2].jobNumber")]
    [InlineData("userId", "td-left", "assignees[2].userId")]
    [InlineData("mobile", "13800000000", "assignees[2].mobile")]
    public async Task An_unknown_or_departed_assignee_is_a_400_naming_the_entry_and_identifier(string kind, string value, string field)
    {
        await SeedPeopleAsync(Portal.Services);
        var key = await IssueTodoKeyAsync(Portal.Services, "oa");
        var body = Todo(new { userId = "td-1" }, new { mobile = "13900000002" }, new Dictionary<string, string> { [kind] = value });

        var answer = await PutAsync(Portal.Http, key, "A-2", body);

        Assert.Equal((400, "unknown-assignee", field), (answer.Status, answer.Code, answer.Field));
        Assert.Contains(value, answer.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("todos=0 assignees=0 ", await FootprintAsync(Portal.Services));
    }

    [Theory]
    [InlineData("due", "\"next friday\"", "bad-date")]
    [InlineData("due", "\"2026-13-01T00:00:00Z\"", "bad-date")]
    [InlineData("due", "20261130", "bad-date")]
    [InlineData("due", "\"2026-11-30T18:00:00\"", "bad-date")]
    [InlineData("due", "\"0001-01-01T00:00:00Z\"", "date-out-of-range")]
    [InlineData("due", "\"9999-12-31T23:59:59+08:00\"", "date-out-of-range")]
    [InlineData("priority", "25", "bad-priority")]
    [InlineData("title", "\"\"", "required")]
    [InlineData("status", "\"reopened\"", "bad-status")]
    [InlineData("actions", "[]", "required")]
    [InlineData("assignees", "[]", "required")]
    public async Task A_bad_field_is_a_400_naming_it(string name, string json, string code)
    {
        await SeedPeopleAsync(Portal.Services);
        var key = await IssueTodoKeyAsync(Portal.Services, "oa");
        var body = Todo();
        body[name] = JsonNode.Parse(json);

        var answer = await PutAsync(Portal.Http, key, "V-1", body);

        Assert.Equal((400, code, name), (answer.Status, answer.Code, answer.Field));
        Assert.Equal("application/problem+json", answer.MediaType);
    }

    [Fact]
    public async Task Nested_fields_are_named_by_their_path()
    {
        await SeedPeopleAsync(Portal.Services);
        var key = await IssueTodoKeyAsync(Portal.Services, "oa");
        var body = Todo();
        body["detailUrl"] = new JsonObject { ["mobile"] = "javascript:alert(1)" };
        body["actions"] = JsonNode.Parse("""[{"key":"ok","label":"好"},{"key":"ok","label":"也好"}]""");

        var answer = await PutAsync(Portal.Http, key, "V-2", body);

        Assert.Equal((400, "bad-url", "detailUrl.mobile"), (answer.Status, answer.Code, answer.Field));
        Assert.True(answer.Json.GetProperty("codes").TryGetProperty("actions[1].key", out _));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem()
    {
        await SeedPeopleAsync(Portal.Services);
        var key = await IssueTodoKeyAsync(Portal.Services, "oa");
        var body = Todo();
        body["description"] = new string('长', 3000);

        var answer = await PutAsync(Portal.Http, key, "V-3", body);

        Assert.Equal((413, "body-too-large"), (answer.Status, answer.Code));
    }

    public static TheoryData<string> Mangled =>
    [
        "", " ", "null", "true", "42", "\"text\"", "[]", "[{}]", "{", "}", "{\"title\":", "{\"title\":\"x\",}", "{'title':'x'}",
        "{\"title\":\"x\"}", "{\"title\":123,\"assignees\":{},\"actions\":\"approve\"}", "{\"title\":\"x\",\"assignees\":[1,2]}",
        "{\"title\":\"x\",\"assignees\":[{\"userId\":\"td-1\",\"mobile\":\"139\"}],\"actions\":[{\"key\":\"a\",\"label\":\"A\"}]}",
        "{\"title\":\"x\",\"assignees\":[{}],\"actions\":[{\"key\":\"a\"}]}", "{\"title\":\"\\u0000\"}", "{\"title\":\"\\ud800\"}",
        "{\"title\":\"x\",\"due\":{}}", "{\"title\":\"x\",\"priority\":1e400}", "{\"title\":\"x\",\"priority\":\"20\"}",
        "{\"title\":\"x\",\"detailUrl\":\"https://a\"}", "{\"title\":\"x\",\"formFields\":[{\"key\":1,\"value\":[]}]}",
        "{\"title\":\"x\",\"actions\":[{\"key\":\"a\",\"label\":\"A\",\"requiresComment\":\"yes\"}]}", "{\"a\":" + new string('[', 200) + new string(']', 200) + "}",
        "{\"title\":\"x\",\"status\":null,\"assignees\":null,\"actions\":null}", "\uFEFF{}", "{\"title\":\"x\"}garbage",
        "{\"title\":\"x\",\"assignees\":[{\"userId\":\"" + new string('u', 300) + "\"}]}",
    ];

    [Theory]
    [MemberData(nameof(Mangled))]
    public async Task Mangled_json_is_a_4xx_never_a_500(string body)
    {
        await SeedPeopleAsync(Portal.Services);
        var key = await IssueTodoKeyAsync(Portal.Services, "oa");

        var put = await SendAsync(Portal.Http, key, HttpMethod.Put, "api/v1/todos/F-1", body);
        var batch = await SendAsync(Portal.Http, key, HttpMethod.Post, "api/v1/todos/batch", body);

        Assert.InRange(put.Status, 400, 499);
        Assert.InRange(batch.Status, 400, 499);
    }

    [Fact]
    public async Task A_property_named_twice_is_refused_by_both_endpoints_and_writes_nothing()
    {
        await SeedPeopleAsync(Portal.Services);
        var key = await IssueTodoKeyAsync(Portal.Services, "oa");
        var todo = Todo(new { userId = "td-1" }).ToJsonString();
        var twice = todo.Replace("{\"title\":", "{\"title\":\"报销\",\"title\":", StringComparison.Ordinal);
        Assert.NotEqual(todo, twice);

        var put = await SendAsync(Portal.Http, key, HttpMethod.Put, "api/v1/todos/D-1", twice);
        var batch = await SendAsync(Portal.Http, key, HttpMethod.Post, "api/v1/todos/batch", "{\"items\":[" + twice.Replace("{\"title\"", "{\"externalId\":\"D-2\",\"title\"", StringComparison.Ordinal) + "]}");

        Assert.Equal((400, "duplicate-property", "$"), (put.Status, put.Code, put.Field));
        Assert.Equal((400, "duplicate-property"), (batch.Status, batch.Code));
        Assert.Equal("todos=0 assignees=0 ", await FootprintAsync(Portal.Services));
    }

    [Fact]
    public async Task A_body_that_is_not_json_or_a_bad_external_id_is_refused()
    {
        var key = await IssueTodoKeyAsync(Portal.Services, "oa");

        var form = await SendAsync(Portal.Http, key, HttpMethod.Put, "api/v1/todos/F-2", "title=x", "application/x-www-form-urlencoded");
        var longId = await PutAsync(Portal.Http, key, new string('x', 129), Todo());

        Assert.Equal((415, "unsupported-media-type"), (form.Status, form.Code));
        Assert.Equal((400, "bad-external-id", "externalId"), (longId.Status, longId.Code, longId.Field));
    }
}

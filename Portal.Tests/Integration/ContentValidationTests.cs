using System.Text;
using System.Text.Json.Nodes;
using Portal.Domain.Integration;
using Portal.Tests.Infrastructure;
using Portal.Web.Infrastructure.Data;
using static Portal.Tests.Integration.IntegrationTestKit;

namespace Portal.Tests.Integration;

/// <summary>Every kind of bad request is a 4xx problem naming the field with a stable code, and writes nothing.</summary>
public sealed class ContentValidationTests : PortalTest
{
    private const int BodyLimit = 16 * 1024;

    private static readonly Dictionary<string, Action<JsonObject>> Mutations = new()
    {
        ["kind-number"] = b => b["kind"] = 5,
        ["kind-unknown"] = b => b["kind"] = "memo",
        ["kind-missing"] = b => b.Remove("kind"),
        ["title-missing"] = b => b.Remove("title"),
        ["title-blank"] = b => b["title"] = "   ",
        ["title-long"] = b => b["title"] = new string('长', 201),
        ["title-array"] = b => b["title"] = new JsonArray("a"),
        ["summary-long"] = b => b["summary"] = new string('x', 501),
        ["body-missing"] = b => b.Remove("body"),
        ["body-only-script"] = b => b["body"] = "<script>alert(1)</script><iframe src=\"x\"></iframe>",
        ["publish-missing"] = b => b.Remove("publish"),
        ["publish-string"] = b => b["publish"] = "yes",
        ["notify-null"] = b => b["notify"] = null,
        ["acknowledgement-on-news"] = b => b["requireAcknowledgement"] = true,
        ["publish-at-past"] = b => b["publishAt"] = "2020-01-01T00:00:00+08:00",
        ["publish-at-garbage"] = b => b["publishAt"] = "tomorrow morning",
        ["publish-at-no-offset"] = b => b["publishAt"] = "2027-01-04T09:00:00",
        ["publish-at-far"] = b => b["publishAt"] = "9999-12-31T00:00:00Z",
        ["audience-missing"] = b => b.Remove("audience"),
        ["audience-empty"] = b => b["audience"] = new JsonObject(),
        ["audience-empty-lists"] = b => b["audience"] = new JsonObject { ["everyone"] = false, ["departments"] = new JsonArray(), ["users"] = new JsonArray() },
        ["audience-string"] = b => b["audience"] = "everyone",
        ["department-unknown"] = b => b["audience"] = new JsonObject { ["departments"] = new JsonArray(Sales, 424242) },
        ["department-string"] = b => b["audience"] = new JsonObject { ["departments"] = new JsonArray("销售部") },
        ["department-fraction"] = b => b["audience"] = new JsonObject { ["departments"] = new JsonArray(Sales, 1.5) },
        ["role-unknown"] = b => b["audience"] = new JsonObject { ["roles"] = new JsonArray("editor", "janitor") },
        ["user-unknown"] = b => b["audience"] = new JsonObject { ["users"] = new JsonArray("it-sales", "ghost") },
        ["user-left"] = b => b["audience"] = new JsonObject { ["users"] = new JsonArray("it-left") },
        ["users-too-many"] = b => b["audience"] = new JsonObject { ["users"] = new JsonArray([.. Enumerable.Range(0, 1001).Select(i => (JsonNode)$"u{i}")]) },
    };

    private string key = "";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Integration:MaxBodyBytes"] = BodyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static TheoryData<string, string, string> Cases => new()
    {
        { "kind-number", "wrong-type", "kind" },
        { "kind-unknown", "unknown-kind", "kind" },
        { "kind-missing", "required", "kind" },
        { "title-missing", "required", "title" },
        { "title-blank", "required", "title" },
        { "title-long", "too-long", "title" },
        { "title-array", "wrong-type", "title" },
        { "summary-long", "too-long", "summary" },
        { "body-missing", "required", "body" },
        { "body-only-script", "required", "body" },
        { "publish-missing", "required", "publish" },
        { "publish-string", "wrong-type", "publish" },
        { "notify-null", "required", "notify" },
        { "acknowledgement-on-news", "acknowledgement-on-news", "requireAcknowledgement" },
        { "publish-at-past", "publish-at-in-past", "publishAt" },
        { "publish-at-garbage", "wrong-type", "publishAt" },
        { "publish-at-no-offset", "wrong-type", "publishAt" },
        { "publish-at-far", "date-out-of-range", "publishAt" },
        { "audience-missing", "empty-audience", "audience" },
        { "audience-empty", "empty-audience", "audience" },
        { "audience-empty-lists", "empty-audience", "audience" },
        { "audience-string", "wrong-type", "audience" },
        { "department-unknown", "unknown-department", "audience.departments[1]" },
        { "department-string", "wrong-type", "audience.departments[0]" },
        { "department-fraction", "wrong-type", "audience.departments[1]" },
        { "role-unknown", "unknown-role", "audience.roles[1]" },
        { "user-unknown", "unknown-user", "audience.users[1]" },
        { "user-left", "unknown-user", "audience.users[0]" },
        { "users-too-many", "too-many", "audience.users" },
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await SeedDirectoryAsync(Portal.Services);
        key = await IssueKeyAsync(Portal.Services, "oa", IntegrationClient.ContentWrite, IntegrationClient.ContentPublish);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_field_is_a_400_problem_that_names_it_and_writes_nothing(string mutation, string code, string field)
    {
        var body = News();
        Mutations[mutation](body);

        var answer = await RefusedAsync(body.ToJsonString());

        Assert.Equal(400, answer.Status);
        Assert.Equal((code, field), (answer.Code, answer.Field));
        Assert.Equal("urn:portal:problem:" + code, answer.Json.GetProperty("type").GetString());
        Assert.True(answer.Json.GetProperty("errors").TryGetProperty(field, out var messages), answer.ToString());
        Assert.NotEmpty(messages.EnumerateArray());
    }

    [Fact]
    public async Task Unknown_ids_are_named_in_the_message_and_all_of_them_are_listed()
    {
        var body = News(new { departments = new[] { 424242L }, roles = new[] { "janitor" }, users = new[] { "ghost" } });

        var answer = await RefusedAsync(body.ToJsonString());

        var errors = answer.Json.GetProperty("errors");
        Assert.Contains("424242", errors.GetProperty("audience.departments[0]")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("janitor", errors.GetProperty("audience.roles[0]")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("ghost", errors.GetProperty("audience.users[0]")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("unknown-user", answer.Json.GetProperty("codes").GetProperty("audience.users[0]")[0].GetString());
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("{\"kind\": \"news\",")]
    [InlineData("[1, 2, 3]")]
    [InlineData("\"news\"")]
    [InlineData("null")]
    [InlineData("")]
    public async Task A_body_that_is_not_a_JSON_object_is_malformed_json(string body)
    {
        var answer = await RefusedAsync(body);

        Assert.Equal((400, "malformed-json", "$"), (answer.Status, answer.Code, answer.Field));
    }

    [Fact]
    public async Task A_property_named_twice_is_refused_whichever_value_a_reader_would_take()
    {
        var body = News().ToJsonString().Replace("{\"kind\":", "{\"publish\":false,\"kind\":", StringComparison.Ordinal);

        var answer = await RefusedAsync(body);

        Assert.Equal((400, "duplicate-property", "$"), (answer.Status, answer.Code, answer.Field));
    }

    [Fact]
    public async Task Hostile_bodies_get_4xx_never_500()
    {
        string[] bodies =
        [
            new string('[', 5000) + new string(']', 5000),
            "{\"kind\":\"news\",\"title\":\"t\",\"body\":\"b\",\"publish\":true,\"notify\":true,\"audience\":{\"departments\":[1e400]}}",
            "{\"kind\":\"news\",\"title\":\"t\",\"body\":\"b\",\"publish\":true,\"notify\":true,\"audience\":{\"departments\":[-3, 0]}}",
            "{\"kind\":\"news\",\"title\":\"t\",\"body\":\"b\",\"publish\":true,\"notify\":true,\"audience\":{\"users\":[null, {}, []]}}",
            "{\"kind\":null,\"title\":null,\"body\":null,\"publish\":null,\"notify\":null,\"audience\":null,\"publishAt\":null}",
            "{\"title\":\"\\ud800\",\"kind\":\"news\"}",
            "{\"kind\":\"news\",\"title\":\"t\",\"body\":\"b\",\"publish\":true,\"notify\":true,\"audience\":{\"users\":[\"\\udfff\"]}}",
        ];

        foreach (var body in bodies)
        {
            var answer = await RefusedAsync(body);
            Assert.True(answer.Status is >= 400 and < 500, $"{body[..Math.Min(60, body.Length)]} → {answer}");
            Assert.NotNull(answer.Code);
        }

        using var invalidUtf8 = new ByteArrayContent([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]);
        invalidUtf8.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/content") { Content = invalidUtf8 };
        request.Headers.Authorization = new("Bearer", key);
        Assert.Equal("malformed-json", (await ApiAnswer.FromAsync(await Portal.Http.SendAsync(request))).Code);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem()
    {
        var body = News();
        body["body"] = "<p>" + new string('字', BodyLimit) + "</p>";

        var answer = await RefusedAsync(body.ToJsonString());

        Assert.Equal((413, "body-too-large"), (answer.Status, answer.Code));
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_by_its_content_type_is_a_415_problem()
    {
        var before = await FootprintAsync(Portal.Services);

        var answer = await PostAsync(Portal.Http, key, News().ToJsonString(), contentType: "text/plain");

        Assert.Equal((415, "unsupported-media-type"), (answer.Status, answer.Code));
        Assert.Equal(before, await FootprintAsync(Portal.Services));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("tab\there")]
    public async Task A_malformed_idempotency_key_is_a_400_problem(string idempotencyKey)
    {
        var before = await FootprintAsync(Portal.Services);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/content") { Content = new StringContent(News().ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", key);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);

        var answer = await ApiAnswer.FromAsync(await Portal.Http.SendAsync(request));

        Assert.Equal((400, "invalid-idempotency-key", "Idempotency-Key"), (answer.Status, answer.Code, answer.Field));
        Assert.Equal(before, await FootprintAsync(Portal.Services));
    }

    [Fact]
    public async Task An_idempotency_key_over_100_characters_is_refused()
    {
        var answer = await PostAsync(Portal.Http, key, News(), new string('k', 101));

        Assert.Equal((400, "invalid-idempotency-key"), (answer.Status, answer.Code));
    }

    [Fact]
    public async Task The_same_body_is_accepted_once_the_mistake_is_fixed()
    {
        var body = News(new { departments = new[] { Sales, Support }, roles = new[] { "editor" }, users = new[] { "it-north" } });

        var answer = await PostAsync(Portal.Http, key, body);

        Assert.Equal(201, answer.Status);
    }

    private async Task<ApiAnswer> RefusedAsync(string body)
    {
        var before = await FootprintAsync(Portal.Services);
        var answer = await PostAsync(Portal.Http, key, body);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal(before, await FootprintAsync(Portal.Services));
        return answer;
    }
}

/// <summary>The directory checks on PostgreSQL too: unknown ids are named and nothing is written.</summary>
public sealed class ContentValidationOnPostgresTests
{
    [Fact]
    public async Task Unknown_ids_are_refused_and_nothing_is_written()
    {
        await using var portal = await KestrelPortal.StartAsync(provider: DatabaseProvider.Postgres);
        await SeedDirectoryAsync(portal.Services);
        var key = await IssueKeyAsync(portal.Services, "oa", IntegrationClient.ContentWrite, IntegrationClient.ContentPublish);
        var before = await FootprintAsync(portal.Services);

        var answer = await PostAsync(portal.Http, key, News(new { departments = new[] { Sales, 424242L }, users = new[] { "it-left" } }));

        Assert.Equal((400, "unknown-department", "audience.departments[1]"), (answer.Status, answer.Code, answer.Field));
        Assert.True(answer.Json.GetProperty("errors").TryGetProperty("audience.users[0]", out _));
        Assert.Equal(before, await FootprintAsync(portal.Services));
    }
}

/// <summary>Text PostgreSQL cannot store is refused as input, not discovered as a database error.</summary>
public sealed class NulCharacterTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task A_NUL_character_in_any_text_is_a_400_problem(DatabaseProvider provider)
    {
        await using var portal = await KestrelPortal.StartAsync(provider: provider);
        var key = await IssueKeyAsync(portal.Services, "oa", IntegrationClient.ContentWrite, IntegrationClient.ContentPublish);
        var before = await FootprintAsync(portal.Services);
        var title = News();
        title["title"] = "标题\u0000";
        var user = News(new { users = new[] { "it-sales\u0000" } });
        var role = News(new { roles = new[] { "\u0000" } });

        var answers = new[] { await PostAsync(portal.Http, key, title), await PostAsync(portal.Http, key, user), await PostAsync(portal.Http, key, role) };

        Assert.Equal([("title", "wrong-type"), ("audience.users[0]", "wrong-type"), ("audience.roles[0]", "wrong-type")], answers.Select(a => (a.Field!, a.Code!)));
        Assert.Equal(before, await FootprintAsync(portal.Services));
    }
}

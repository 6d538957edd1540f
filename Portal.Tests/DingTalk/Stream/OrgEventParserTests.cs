using Portal.DingTalk.Events;

namespace Portal.Tests.DingTalk.Stream;

public sealed class OrgEventParserTests
{
    private static readonly DateTimeOffset At1640921671286 = DateTimeOffset.FromUnixTimeMilliseconds(1640921671286);
    private static readonly DateTimeOffset At1700000000000 = DateTimeOffset.FromUnixTimeMilliseconds(1700000000000);

    [Fact]
    public void Legacy_http_user_event_is_read()
    {
        const string json = """{"CorpId":"dingcorp0123456789","EventType":"user_add_org","UserId":["u1","u2"],"OptStaffId":"manager164","TimeStamp":"1640921671286"}""";

        var orgEvent = OrgEventParser.Parse(json);

        Assert.Equal("user_add_org", orgEvent.Type);
        Assert.Equal(OrgEventKind.UserAddOrg, orgEvent.Kind);
        Assert.Equal(["u1", "u2"], orgEvent.UserIds);
        Assert.Empty(orgEvent.DeptIds);
        Assert.Equal("dingcorp0123456789", orgEvent.CorpId);
        Assert.Equal(At1640921671286, orgEvent.OccurredAt);
        Assert.Equal(TimeSpan.Zero, orgEvent.OccurredAt!.Value.Offset);
        Assert.Equal(json, orgEvent.RawJson);
    }

    [Fact]
    public void Legacy_http_dept_event_without_operator_is_read()
    {
        var orgEvent = OrgEventParser.Parse("""{"CorpId":"dingcorp0123456789","EventType":"org_dept_modify","DeptId":[581208264],"TimeStamp":"1640921671286"}""");

        Assert.Equal(OrgEventKind.OrgDeptModify, orgEvent.Kind);
        Assert.Equal([581208264L], orgEvent.DeptIds);
        Assert.Empty(orgEvent.UserIds);
    }

    [Fact]
    public void Current_http_dept_event_with_numeric_event_time_is_read()
    {
        var orgEvent = OrgEventParser.Parse("""{"EventType":"org_dept_create","EventTime":1663143335567,"CorpId":"dingcorp0123456789","BizId":"biz-1","eventId":"e-9","deptId":[432825033]}""");

        Assert.Equal(OrgEventKind.OrgDeptCreate, orgEvent.Kind);
        Assert.Equal([432825033L], orgEvent.DeptIds);
        Assert.Equal("e-9", orgEvent.EventId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1663143335567), orgEvent.OccurredAt);
    }

    [Fact]
    public void Current_http_user_event_with_numeric_timestamp_is_read()
    {
        var orgEvent = OrgEventParser.Parse("""{"EventType":"user_modify_org","userId":["u7"],"timeStamp":1700000000000}""");

        Assert.Equal(OrgEventKind.UserModifyOrg, orgEvent.Kind);
        Assert.Equal(["u7"], orgEvent.UserIds);
        Assert.Equal(At1700000000000, orgEvent.OccurredAt);
    }

    [Fact]
    public void Stream_user_data_takes_type_corp_and_id_from_the_headers()
    {
        var envelope = new OrgEventEnvelope("user_add_org", "dingcorp0123456789", "e-1", null);

        var orgEvent = OrgEventParser.Parse("""{"userId":["u001"],"timeStamp":"1700000000000"}""", envelope);

        Assert.Equal(OrgEventKind.UserAddOrg, orgEvent.Kind);
        Assert.Equal(["u001"], orgEvent.UserIds);
        Assert.Equal("dingcorp0123456789", orgEvent.CorpId);
        Assert.Equal("e-1", orgEvent.EventId);
        Assert.Equal(At1700000000000, orgEvent.OccurredAt);
    }

    [Fact]
    public void Stream_dept_data_is_read()
    {
        var orgEvent = OrgEventParser.Parse("""{"deptId":[2,3]}""", new OrgEventEnvelope("org_dept_remove"));

        Assert.Equal(OrgEventKind.OrgDeptRemove, orgEvent.Kind);
        Assert.Equal([2L, 3L], orgEvent.DeptIds);
        Assert.Null(orgEvent.OccurredAt);
    }

    [Fact]
    public void User_leave_with_a_single_user_id_string_is_read()
    {
        var orgEvent = OrgEventParser.Parse("""{"userId":"u009","unionid":"union009"}""", new OrgEventEnvelope("user_leave_org"));

        Assert.Equal(OrgEventKind.UserLeaveOrg, orgEvent.Kind);
        Assert.Equal(["u009"], orgEvent.UserIds);
    }

    [Fact]
    public void Keys_and_type_are_case_insensitive_and_the_raw_type_is_kept()
    {
        var orgEvent = OrgEventParser.Parse("""{"EVENTTYPE":"USER_ADD_ORG","USERID":["u1"],"corpid":"dingcorp","TIMESTAMP":"1700000000000","DEPTID":["581208264"]}""");

        Assert.Equal("USER_ADD_ORG", orgEvent.Type);
        Assert.Equal(OrgEventKind.UserAddOrg, orgEvent.Kind);
        Assert.Equal(["u1"], orgEvent.UserIds);
        Assert.Equal([581208264L], orgEvent.DeptIds);
        Assert.Equal("dingcorp", orgEvent.CorpId);
        Assert.Equal(At1700000000000, orgEvent.OccurredAt);
    }

    [Fact]
    public void Envelope_wins_over_the_body()
    {
        var envelope = new OrgEventEnvelope("user_active_org", "corp-from-headers", "e-headers", At1640921671286);

        var orgEvent = OrgEventParser.Parse("""{"EventType":"user_add_org","CorpId":"corp-in-body","eventId":"e-body","TimeStamp":"1700000000000"}""", envelope);

        Assert.Equal(OrgEventKind.UserActiveOrg, orgEvent.Kind);
        Assert.Equal("corp-from-headers", orgEvent.CorpId);
        Assert.Equal("e-headers", orgEvent.EventId);
        Assert.Equal(At1640921671286, orgEvent.OccurredAt);
    }

    [Fact]
    public void Unknown_type_is_kept_as_unknown_with_its_name()
    {
        var orgEvent = OrgEventParser.Parse("""{"EventType":"bpms_task_change","processInstanceId":"p-1"}""");

        Assert.Equal(OrgEventKind.Unknown, orgEvent.Kind);
        Assert.Equal("bpms_task_change", orgEvent.Type);
    }

    [Fact]
    public void Check_url_is_recognised()
    {
        Assert.Equal(OrgEventKind.CheckUrl, OrgEventParser.Parse("""{"EventType":"check_url"}""").Kind);
    }

    [Theory]
    [InlineData("1700000000")]
    [InlineData("1700000000000")]
    [InlineData("2023-11-14T22:13:20Z")]
    [InlineData("2023-11-15T06:13:20+08:00")]
    public void Times_in_seconds_milliseconds_or_iso_are_read_as_utc(string value)
    {
        var at = OrgEventParser.ParseTime(value);

        Assert.Equal(At1700000000000, at);
        Assert.Equal(TimeSpan.Zero, at!.Value.Offset);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("\"user_add_org\"")]
    public void Body_that_is_not_a_json_object_is_a_format_error(string json)
    {
        Assert.Throws<FormatException>(() => OrgEventParser.Parse(json));
    }

    [Fact]
    public void Every_kind_has_a_wire_name_that_maps_back()
    {
        var kinds = Enum.GetValues<OrgEventKind>().Where(kind => kind != OrgEventKind.Unknown).ToList();

        Assert.Equal(14, kinds.Count);
        foreach (var kind in kinds)
        {
            var type = OrgEventTypes.ToType(kind);
            Assert.NotNull(type);
            Assert.Equal(kind, OrgEventTypes.ToKind(type));
            Assert.Equal(kind, OrgEventParser.Parse($$"""{"EventType":"{{type}}"}""").Kind);
        }

        Assert.Null(OrgEventTypes.ToType(OrgEventKind.Unknown));
    }
}

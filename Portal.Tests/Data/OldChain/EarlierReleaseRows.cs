namespace Portal.Tests.Data.OldChain;

/// <summary>
/// Rows in the schema of the last hand-written migration, written column by column as that release
/// stored them, so they stay valid whatever the model becomes.
/// </summary>
internal static class EarlierReleaseRows
{
    public static readonly Guid PersonId = new("0193a5f0-0000-7000-8000-000000000001");
    public static readonly Guid ArticleId = new("0193a5f0-0000-7000-8000-000000000002");
    public static readonly Guid TodoId = new("0193a5f0-0000-7000-8000-000000000003");
    public static readonly Guid OutboxMessageId = new("0193a5f0-0000-7000-8000-000000000004");
    private static readonly Guid RoleId = new("0193a5f0-0000-7000-8000-000000000005");
    private static readonly Guid AudienceId = new("0193a5f0-0000-7000-8000-000000000006");
    private static readonly Guid ClientId = new("0193a5f0-0000-7000-8000-000000000007");
    private static readonly DateTime At = new(2026, 12, 1, 8, 30, 15, 123, DateTimeKind.Utc);
    private static readonly DateTime Later = At.AddHours(26).AddTicks(4567);

    public static IReadOnlyList<(string Table, (string Column, object? Value)[] Values)> All { get; } =
    [
        ("Departments", [("Id", 1L), ("ParentId", null), ("Name", "总部"), ("Order", 0), ("UpdatedAt", At)]),
        ("Departments", [("Id", 42L), ("ParentId", 1L), ("Name", "研发部"), ("Order", 3), ("UpdatedAt", Later)]),
        ("DepartmentClosures", [("AncestorId", 1L), ("DescendantId", 1L), ("Distance", 0)]),
        ("DepartmentClosures", [("AncestorId", 1L), ("DescendantId", 42L), ("Distance", 1)]),
        ("DepartmentClosures", [("AncestorId", 42L), ("DescendantId", 42L), ("Distance", 0)]),
        ("People",
        [
            ("Id", PersonId), ("UserId", "manager0420"), ("UnionId", "iPcVq2ii"), ("Name", "张三"), ("Mobile", "13800138000"),
            ("Title", "研发经理"), ("JobNumber", "E0420"), ("Email", "zhangsan@example.com"), ("AvatarUrl", "https://static.example.com/a.png"),
            ("Active", true), ("AdminLevel", 2), ("HiredAt", At.AddYears(-3)), ("UpdatedAt", At), ("DingTalkRoles", "|主管|财务|"),
        ]),
        ("PersonDepartments", [("PersonId", PersonId), ("DepartmentId", 42L), ("IsLeader", true)]),
        ("Roles", [("Id", RoleId), ("Key", "reviewers"), ("Name", "审核人"), ("IsBuiltIn", false)]),
        ("RoleMembers", [("RoleId", RoleId), ("PersonId", PersonId)]),
        ("Audiences", [("Id", AudienceId), ("Everyone", false)]),
        ("AudienceRules",
        [
            ("Id", new Guid("0193a5f0-0000-7000-8000-000000000008")), ("AudienceId", AudienceId), ("Kind", 1), ("DepartmentId", 42L),
            ("IncludeSubdepartments", true), ("RoleId", null), ("PersonId", null), ("Exclude", false),
        ]),
        ("Articles",
        [
            ("Id", ArticleId), ("Kind", 2), ("Status", 4), ("Title", "年终放假通知"), ("Summary", "放假安排"), ("Body", "<p>1 月 1 日放假。</p>"),
            ("Category", "行政"), ("RequiresAcknowledgement", true), ("Pinned", true), ("ExpiresAt", Later.AddDays(30)),
            ("AudienceId", AudienceId), ("AuthorId", PersonId), ("ReviewedById", PersonId), ("RejectionComment", null),
            ("PublishAt", null), ("PublishedAt", Later), ("CreatedAt", At), ("UpdatedAt", Later), ("Notify", false),
            ("CoverImageId", null), ("RevisionOfId", null), ("SourceClientId", null),
        ]),
        ("ArticleHistory",
        [
            ("Id", new Guid("0193a5f0-0000-7000-8000-000000000009")), ("ArticleId", ArticleId), ("ActorId", PersonId),
            ("Action", "Published"), ("Detail", null), ("At", Later),
        ]),
        ("ArticleReceipts",
        [
            ("ArticleId", ArticleId), ("PersonId", PersonId), ("Notification", 2), ("NotificationCode", "0"), ("NotifiedAt", Later),
            ("ReadAt", Later.AddMinutes(5)), ("AcknowledgedAt", null), ("Reminders", 1), ("RemindedAt", Later.AddDays(1)),
        ]),
        ("ContentFiles",
        [
            ("Id", new Guid("0193a5f0-0000-7000-8000-00000000000a")), ("ArticleId", ArticleId), ("Purpose", 1), ("FileName", "封面.png"),
            ("ContentType", "image/png"), ("Length", 8L), ("Bytes", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }),
            ("UploadedById", PersonId), ("UploadedAt", At),
        ]),
        ("IntegrationClients",
        [
            ("Id", ClientId), ("Name", "OA"), ("KeyHash", new string('a', 64)), ("KeyPrefix", "pk_3f9a"), ("Scopes", "todos content"),
            ("CreatedAt", At), ("RevokedAt", null), ("LastUsedAt", Later), ("WebhookUrl", "https://oa.example.com/hooks/portal"),
            ("ProtectedWebhookSecret", "CfDJ8protected"), ("Enabled", true),
        ]),
        ("Todos",
        [
            ("Id", TodoId), ("ClientId", ClientId), ("ExternalId", "OA-2026-0042"), ("Title", "报销审批：差旅费"), ("Description", "金额 1,280.00 元"),
            ("DueAt", Later.AddDays(2)), ("Priority", 20), ("DetailUrlMobile", "https://oa.example.com/m/42"), ("DetailUrlPc", null),
            ("FormFields", """[{"key":"金额","value":"1280.00"}]"""), ("Actions", """[{"key":"approve","label":"同意","requiresComment":false}]"""),
            ("Status", 0), ("RequestHash", new string('b', 64)), ("Decision", null), ("DecisionComment", null), ("DecidedById", null),
            ("DecidedAt", null), ("DingTalkTaskId", "task-9"), ("CreatedAt", At), ("UpdatedAt", Later),
        ]),
        ("TodoAssignees", [("TodoId", TodoId), ("PersonId", PersonId), ("NotifiedAt", Later)]),
        ("ReviewTodos",
        [
            ("Id", new Guid("0193a5f0-0000-7000-8000-00000000000b")), ("ArticleId", ArticleId), ("PersonId", PersonId), ("Status", 1),
            ("Outcome", 1), ("DecidedById", PersonId), ("DecidedAt", Later), ("CreatedAt", At), ("UpdatedAt", Later), ("NotifiedAt", At),
        ]),
        ("OutboxMessages",
        [
            ("Id", OutboxMessageId), ("Kind", "todo.notify"), ("Payload", """{"todoId":"0193a5f0-0000-7000-8000-000000000003"}"""),
            ("IdempotencyKey", "todo-notify:OA-2026-0042"), ("Status", 0), ("Attempts", 3), ("NextAttemptAt", Later.AddMinutes(10)),
            ("LeaseOwner", null), ("LeaseUntil", null), ("LastError", "90018 busy"), ("CreatedAt", At), ("DeliveredAt", null),
        ]),
        ("AuditEntries",
        [
            ("Id", new Guid("0193a5f0-0000-7000-8000-00000000000c")), ("At", At), ("ActorId", PersonId), ("ActorName", "张三"),
            ("Action", "role.members"), ("Subject", "reviewers"), ("Before", "[]"), ("After", """["manager0420"]"""),
        ]),
        ("ReceivedDingTalkEvents",
        [
            ("Id", new Guid("0193a5f0-0000-7000-8000-00000000000d")), ("DedupeKey", "evt-1"), ("EventType", "user_add_org"),
            ("Payload", """{"UserId":["manager0420"]}"""), ("Channel", "Callback"), ("ReceivedAt", At), ("ProcessedAt", null),
            ("Attempts", 2), ("NextAttemptAt", Later), ("LockedUntil", null), ("Error", "department 42 unknown"),
        ]),
        ("DataProtectionKeys",
        [
            ("Id", new Guid("0193a5f0-0000-7000-8000-00000000000e")), ("FriendlyName", "key-0193a5f0"),
            ("Xml", "<key id=\"0193a5f0\" version=\"1\" />"), ("CreatedAt", At),
        ]),
    ];
}

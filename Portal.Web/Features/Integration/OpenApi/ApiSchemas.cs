namespace Portal.Web.Features.Integration.OpenApi;

// The endpoints read their bodies by hand (to name every bad field by its JSON path instead of
// failing on the first), so these records only describe the wire shape for the OpenAPI document.

/// <summary>The body of <c>PUT /api/v1/todos/{externalId}</c>.</summary>
public sealed record TodoBody(
    string Title,
    string? Description,
    IReadOnlyList<AssigneeBody> Assignees,
    DateTimeOffset? Due,
    int? Priority,
    DetailUrlBody? DetailUrl,
    IReadOnlyList<FormFieldBody>? FormFields,
    IReadOnlyList<ActionBody> Actions,
    string? Status);

/// <summary>Exactly one of the three identifiers.</summary>
public sealed record AssigneeBody(string? UserId, string? Mobile, string? JobNumber);

public sealed record DetailUrlBody(string? Mobile, string? Pc);

public sealed record FormFieldBody(string Key, string Value);

public sealed record ActionBody(string Key, string Label, bool? RequiresComment);

/// <summary>The body of <c>POST /api/v1/todos/batch</c>: each item is a to-do body with its externalId.</summary>
public sealed record TodoBatchBody(IReadOnlyList<TodoBatchItemBody> Items);

public sealed record TodoBatchItemBody(
    string ExternalId,
    string Title,
    string? Description,
    IReadOnlyList<AssigneeBody> Assignees,
    DateTimeOffset? Due,
    int? Priority,
    DetailUrlBody? DetailUrl,
    IReadOnlyList<FormFieldBody>? FormFields,
    IReadOnlyList<ActionBody> Actions,
    string? Status);

/// <summary>The body of <c>POST /api/v1/content</c>; <c>kind</c> is news or notice.</summary>
public sealed record ContentBody(
    string Kind,
    string Title,
    string? Summary,
    string Body,
    AudienceBody Audience,
    bool Publish,
    bool Notify,
    bool? RequireAcknowledgement,
    DateTimeOffset? PublishAt);

public sealed record AudienceBody(bool? Everyone, IReadOnlyList<long>? Departments, bool? IncludeSubdepartments, IReadOnlyList<string>? Roles, IReadOnlyList<string>? Users);

using System.Text.Json.Serialization;
using Portal.Domain.Todos;

namespace Portal.Web.Features.Integration.Todos;

/// <summary>A to-do body that passed the shape checks; its assignees are checked against the directory later.</summary>
public sealed record TodoRequest(
    string Title,
    string? Description,
    IReadOnlyList<AssigneeRef> Assignees,
    DateTime? Due,
    int Priority,
    string? DetailUrlMobile,
    string? DetailUrlPc,
    IReadOnlyList<TodoField> FormFields,
    IReadOnlyList<TodoAction> Actions,
    TodoStatus Status);

/// <summary>A person as the caller names them: <see cref="Kind"/> is userId, mobile or jobNumber.</summary>
public sealed record AssigneeRef(string Kind, string Value);

/// <summary>A key/value row shown on the to-do's card.</summary>
public sealed record TodoField(string Key, string Value);

/// <summary>A decision an assignee may take.</summary>
public sealed record TodoAction(
    string Key,
    string Label,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool RequiresComment);

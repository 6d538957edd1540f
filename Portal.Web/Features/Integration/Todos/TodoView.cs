using System.Text.Json.Serialization;
using Portal.Domain.Todos;

namespace Portal.Web.Features.Integration.Todos;

/// <summary>A to-do as the integration API answers it.</summary>
/// <param name="Status">pending, done or cancelled.</param>
/// <param name="Url">The to-do's page in the portal.</param>
public sealed record TodoView(
    Guid Id,
    string ExternalId,
    string Status,
    string Url,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TodoDecisionView? Decision)
{
    public static string StatusOf(TodoStatus status) => status.ToString().ToLowerInvariant();
}

/// <summary>The decision an assignee took, for systems that poll instead of receiving the webhook.</summary>
public sealed record TodoDecisionView(string Action, string? Comment, TodoDecider DecidedBy, DateTime DecidedAt);

/// <summary>Who decided, by their DingTalk userId.</summary>
public sealed record TodoDecider(string UserId, string Name);

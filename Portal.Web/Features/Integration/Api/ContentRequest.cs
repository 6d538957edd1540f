using Portal.Domain.Content;

namespace Portal.Web.Features.Integration.Api;

/// <summary>A <c>POST /api/v1/content</c> body that passed the shape checks (the ids are checked against the directory later).</summary>
public sealed record ContentRequest(
    ContentKind Kind,
    string Title,
    string? Summary,
    string Body,
    AudienceRequest Audience,
    bool Publish,
    bool Notify,
    bool RequireAcknowledgement,
    DateTime? PublishAt);

/// <summary>Who an item is for, as the caller names them: department ids, role keys and DingTalk userIds.</summary>
public sealed record AudienceRequest(
    bool Everyone,
    IReadOnlyList<long> Departments,
    bool IncludeSubdepartments,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Users);

/// <summary>The answer to a created (or replayed) item.</summary>
/// <param name="Status">published, scheduled, submitted, approved, rejected, expired or archived.</param>
public sealed record ContentCreated(Guid Id, string Status, string Url);

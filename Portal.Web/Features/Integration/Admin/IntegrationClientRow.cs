namespace Portal.Web.Features.Integration.Admin;

/// <summary>A client as the admin page lists it; never its key or hash.</summary>
public sealed record IntegrationClientRow(Guid Id, string Name, string KeyPrefix, IReadOnlyList<string> Scopes, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt);

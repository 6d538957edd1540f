namespace Portal.Domain.Content;

/// <summary>Who moved an item through its workflow, how, and when.</summary>
public sealed class ArticleHistory
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ArticleId { get; init; }

    public Guid? ActorId { get; init; }

    public required string Action { get; init; }

    public string? Detail { get; init; }

    public DateTime At { get; init; }
}

using Portal.Domain.Content;

namespace Portal.Web.Features.Content.Reading;

/// <summary>One item as a list shows it to one person.</summary>
public sealed record FeedEntry(
    Guid Id,
    ContentKind Kind,
    string Title,
    string? Summary,
    Guid? CoverImageId,
    DateTime PublishedAt,
    bool Pinned,
    bool RequiresAcknowledgement,
    ReceiptState Receipt)
{
    public bool Read => Receipt.HasFlag(ReceiptState.Read);

    public bool AwaitsAcknowledgement => RequiresAcknowledgement && !Receipt.HasFlag(ReceiptState.Acknowledged);
}

/// <summary>What the person's receipt of an item says, read in one lookup.</summary>
[Flags]
public enum ReceiptState
{
    None = 0,
    Read = 1,
    Acknowledged = 2,
}

/// <summary>A page of the feed and where the next one starts.</summary>
public sealed record FeedPage(IReadOnlyList<FeedEntry> Items, FeedCursor? Next);

/// <summary>
/// Where the next page starts: items published before <see cref="PublishedAt"/>, or at that instant but
/// not yet shown. Unlike an offset it neither repeats nor skips an item when new ones are published meanwhile.
/// </summary>
public sealed record FeedCursor(DateTime PublishedAt, IReadOnlyList<Guid> ShownAtThatTime);

using Portal.Web.Features.Content.Reading;

namespace Portal.Web.Features.Home;

/// <summary>The home as one reader last saw it: when it was loaded, the notices that need attention, the feed so far.</summary>
public sealed record HomeSnapshot(DateTimeOffset LoadedAt, IReadOnlyList<FeedEntry> Attention, IReadOnlyList<FeedEntry> Feed, FeedCursor? Next);

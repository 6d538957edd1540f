namespace Portal.Web.Infrastructure.Bridge;

/// <summary>What DingTalk's DING composer opens with: the receivers (userIds), the text and a link card.</summary>
public sealed record DingDraft(string CorpId, IReadOnlyList<string> UserIds, string Text, string Title, string Url, string? Summary, string? Image);

/// <param name="InDingTalk">False outside DingTalk, where there is no composer to open.</param>
/// <param name="Created">DingTalk's word that the DING was sent from the composer.</param>
public sealed record DingComposerResult(bool InDingTalk, bool Created);

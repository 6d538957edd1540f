using System.Text.Json;
using Microsoft.Extensions.Localization;
using Portal.Domain.Admin;
using Portal.Web.Resources;

namespace Portal.Web.Features.Admin;

/// <summary>
/// An audit entry read as a sentence ("张三 提交审核"), for the actions that have one in
/// <see cref="AdminText"/> as <c>Action_{action}</c> (the actor is {0}, a recorded comment {1});
/// any other action shows its stable code.
/// </summary>
public static class AuditSentence
{
    public static string For(IStringLocalizer<AdminText> text, AuditEntry entry)
    {
        var actor = entry.ActorName.Length > 0 ? entry.ActorName : text["Actor_System"].Value;
        var sentence = text["Action_" + entry.Action, actor, Comment(entry.After) ?? ""];
        return sentence.ResourceNotFound ? entry.Action : sentence.Value;
    }

    private static string? Comment(string? after)
    {
        if (after is null)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(after);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("comment", out var comment) && comment.ValueKind == JsonValueKind.String
                ? comment.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Portal.Web.Features.Todos;

public enum ActionLinkCheck
{
    Valid,
    Expired,

    /// <summary>Forged, altered, or signed for another to-do or action.</summary>
    Invalid,
}

/// <summary>
/// The signed, expiring one-tap links DingTalk messages carry. The signature is the portal's data
/// protection over the to-do, the action and the expiry, so a link cannot be altered or made to last
/// longer. A valid link only opens the confirmation page; the signed-in assignee still decides.
/// </summary>
public sealed class TodoActionLinks(IDataProtectionProvider dataProtection, TimeProvider time) : Delivery.ITodoActionLinks
{
    /// <summary>A notification can sit unread for days; past this its link says it has expired.</summary>
    public static readonly TimeSpan MessageLinkLifetime = TimeSpan.FromDays(14);

    private const string Purpose = "Portal.Todos.ActionLink";

    private readonly IDataProtector protector = dataProtection.CreateProtector(Purpose);

    /// <summary>A path relative to the portal's base address, like <c>todos/{id}/act?action=approve&amp;exp=…&amp;sig=…</c>.</summary>
    public string Create(Guid todoId, string action, DateTimeOffset expiresAt)
    {
        var exp = expiresAt.ToUnixTimeSeconds();
        var sig = protector.Protect(Payload(todoId, action, exp));
        return $"todos/{todoId:D}/act?action={Uri.EscapeDataString(action)}&exp={exp.ToString(CultureInfo.InvariantCulture)}&sig={sig}";
    }

    public string ActionPath(Guid todoId, string action) => "/" + Create(todoId, action, time.GetUtcNow() + MessageLinkLifetime);

    public ActionLinkCheck Check(Guid todoId, string? action, long? exp, string? sig)
    {
        if (string.IsNullOrEmpty(action) || exp is not { } seconds || string.IsNullOrEmpty(sig))
        {
            return ActionLinkCheck.Invalid;
        }

        string signed;
        try
        {
            signed = protector.Unprotect(sig);
        }
        catch (CryptographicException)
        {
            return ActionLinkCheck.Invalid;
        }
        catch (FormatException)
        {
            return ActionLinkCheck.Invalid;
        }

        if (!string.Equals(signed, Payload(todoId, action, seconds), StringComparison.Ordinal))
        {
            return ActionLinkCheck.Invalid;
        }

        return time.GetUtcNow().ToUnixTimeSeconds() >= seconds ? ActionLinkCheck.Expired : ActionLinkCheck.Valid;
    }

    private static string Payload(Guid todoId, string action, long exp) =>
        string.Create(CultureInfo.InvariantCulture, $"{todoId:N}\n{action}\n{exp}");
}

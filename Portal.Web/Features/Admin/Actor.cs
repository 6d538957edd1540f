using Microsoft.AspNetCore.Components.Authorization;
using Portal.Web.Features.SignIn;

namespace Portal.Web.Features.Admin;

/// <summary>Who is making an administrative change, for the audit log.</summary>
public sealed record Actor(Guid? PersonId, string Name)
{
    public static async Task<Actor> CurrentAsync(Task<AuthenticationState> state)
    {
        var user = (await state).User;
        return new Actor(user.PersonId(), user.Identity?.Name ?? "?");
    }
}

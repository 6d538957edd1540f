using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Portal.Web.Features.Admin;
using Portal.Web.Features.Roles;

namespace Portal.Web.Features.Integration.Admin;

/// <summary>
/// Every change on the page asks again whether the person is still an admin: a circuit can outlive
/// the role that opened it.
/// </summary>
public static class AdminCheck
{
    public static async Task<Actor?> ActorAsync(Task<AuthenticationState> state, IAuthorizationService authorization)
    {
        var user = (await state).User;
        return (await authorization.AuthorizeAsync(user, Policies.Admin)).Succeeded ? await Actor.CurrentAsync(state) : null;
    }
}

using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace Portal.Web.Features.SignIn;

/// <summary>An open page (a Blazor circuit) loses its session too when its person leaves or is deactivated.</summary>
internal sealed class CircuitRevalidation(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptionsMonitor<SignInOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(options.CurrentValue.RevalidateSeconds);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (authenticationState.User.PersonId() is not { } personId)
        {
            return true;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await SessionValidation.IsActiveAsync(scope.ServiceProvider, personId, cancellationToken);
        }
        catch (ObjectDisposedException)
        {
            // The portal is stopping and its circuits with it; there is no session left to judge.
            return true;
        }
    }
}

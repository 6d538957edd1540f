using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Data;

namespace Portal.Web.Features.SignIn;

/// <summary>
/// The signed-in person, if still active. Checked once and kept briefly, so a page and its tab bar do
/// not ask three times, while a long-lived circuit still notices a deactivation within a minute (their
/// departments and roles are read with every visibility query).
/// </summary>
public sealed class CurrentViewer(AuthenticationStateProvider authentication, IDbContextFactory<PortalDb> dbFactory, TimeProvider time)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);

    private Task<Viewer?>? viewer;
    private DateTimeOffset loadedAt;

    /// <summary>Null when nobody is signed in or the person is no longer active.</summary>
    public Task<Viewer?> GetAsync()
    {
        var now = time.GetUtcNow();
        if (viewer is null || now - loadedAt > KeepFor || viewer.IsFaulted)
        {
            loadedAt = now;
            viewer = LoadAsync();
        }

        return viewer;
    }

    private async Task<Viewer?> LoadAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (user.PersonId() is not { } personId)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        return await ViewerQuery.ForPersonAsync(db, personId, CancellationToken.None);
    }
}

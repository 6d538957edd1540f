using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Portal.Web.Infrastructure.DingTalk;

/// <summary>
/// Signals one change of <typeparamref name="TOptions"/> when the portal has started listening, so
/// <see cref="IOptionsMonitor{TOptions}"/> drops values computed before the server knew its address.
/// </summary>
internal sealed class ServerStartedChangeTokenSource<TOptions>(IHostApplicationLifetime lifetime) : IOptionsChangeTokenSource<TOptions>
{
    private static readonly IChangeToken Never = new CancellationChangeToken(CancellationToken.None);

    private IChangeToken? started = new CancellationChangeToken(lifetime.ApplicationStarted);

    public string Name => Options.DefaultName;

    // The monitor asks again after every change; answering with the spent token would loop.
    public IChangeToken GetChangeToken() => Interlocked.Exchange(ref started, null) ?? Never;
}

using Microsoft.AspNetCore.Components.Server.Circuits;
using Serilog.Context;

namespace Portal.Web.Infrastructure.Logging;

/// <summary>
/// What a Blazor circuit does after its first request has no request of its own: every event, JS call
/// and render it handles logs with the circuit's id, so one person's session can be followed in the log.
/// </summary>
internal sealed class CircuitLogContext : CircuitHandler
{
    public const string PropertyName = "CircuitId";

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            using (LogContext.PushProperty(PropertyName, context.Circuit.Id))
            {
                await next(context);
            }
        };
}

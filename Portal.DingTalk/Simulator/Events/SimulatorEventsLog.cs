using Microsoft.Extensions.Logging;

namespace Portal.DingTalk.Simulator.Events;

internal static partial class SimulatorEventsLog
{
    [LoggerMessage(201, LogLevel.Warning, "DingTalk simulator: callback of {EventType} {EventId} failed (attempt {Attempt}: {Error}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string eventType, string eventId, int attempt, string? error, TimeSpan delay);

    [LoggerMessage(202, LogLevel.Warning, "DingTalk simulator: gave up on the callback of {EventType} {EventId} after {Attempts} attempts ({Error}); listed by get_call_back_failed_result")]
    public static partial void GaveUp(ILogger logger, string eventType, string eventId, int attempts, string? error);

    [LoggerMessage(203, LogLevel.Error, "DingTalk simulator: an event delivery failed unexpectedly")]
    public static partial void DeliveryCrashed(ILogger logger, Exception exception);
}

using Portal.DingTalk.Client;

namespace Portal.Web.Features.Outbox;

/// <summary>
/// Which DingTalk errors a retry cannot cure. Busy, throttled, unreachable and token errors pass with
/// time and go back to the relay's backoff; a refused message, agent, permission or an exhausted
/// monthly quota would fail the same way on every attempt, so the outbox message is dead-lettered.
/// </summary>
public static class DingTalkRefusals
{
    public static bool IsPermanent(DingTalkException error) => error.Kind switch
    {
        DingTalkErrorKind.BadRequest or DingTalkErrorKind.Permission or DingTalkErrorKind.QuotaExhausted => true,

        // An answer we could not read, or no answer, says nothing about the message itself.
        DingTalkErrorKind.Unknown => !error.IsTransportFailure
            && error.Code is not (DingTalkErrorCodes.ReplyNotJson or DingTalkErrorCodes.ReplyUnexpectedShape),
        _ => false,
    };

    /// <summary>Runs a DingTalk call, turning a permanent refusal into <see cref="PermanentDeliveryException"/>.</summary>
    public static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (DingTalkException error) when (IsPermanent(error))
        {
            throw new PermanentDeliveryException($"DingTalk {error.Api} refused: {error.Code} {error.Message}", error);
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException)
        {
            // The client refused before sending: too many recipients, or a misconfigured agent.
            throw new PermanentDeliveryException(error.Message, error);
        }
    }
}

using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Portal.DingTalk.Client.Http;

/// <summary>Retries with exponential backoff and jitter, only for errors that may pass on their own.</summary>
internal static class DingTalkRetry
{
    /// <summary>DingTalk's advice on QPS errors is to wait a second (reference §1).</summary>
    public static readonly TimeSpan RateLimitFloor = TimeSpan.FromSeconds(1);

    public static ResiliencePipeline Build(DingTalkClientOptions options, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.RetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.RetryAttempts,
                MaxDelay = options.RetryMaxDelay,
                ShouldHandle = new PredicateBuilder().Handle<DingTalkException>(error => ShouldRetry(error, options)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    Delay(args.AttemptNumber, args.Outcome.Exception as DingTalkException, options, Random.Shared.NextDouble())),
                OnRetry = args =>
                {
                    if (args.Outcome.Exception is DingTalkException error)
                    {
                        logger.LogWarning(
                            "DingTalk {Api} failed with {Code} ({Kind}, request {RequestId}); retry {Attempt} in {Delay}",
                            error.Api, error.Code, error.Kind, error.RequestId, args.AttemptNumber + 1, args.RetryDelay);
                    }

                    return default;
                },
            });
        }

        return builder.Build();
    }

    public static bool ShouldRetry(DingTalkException error, DingTalkClientOptions options) =>
        error.Kind is DingTalkErrorKind.Retryable or DingTalkErrorKind.RateLimited
        && (error.RetryAfter is null || error.RetryAfter <= options.RetryMaxDelay);

    /// <param name="attempt">0 for the first retry.</param>
    /// <param name="jitter">A number in [0, 1): spreads callers that failed together.</param>
    public static TimeSpan Delay(int attempt, DingTalkException? error, DingTalkClientOptions options, double jitter)
    {
        var exponential = options.RetryBaseDelay * Math.Pow(2, Math.Min(attempt, 16));
        var delay = exponential * (0.5 + (jitter / 2));
        if (error?.Kind == DingTalkErrorKind.RateLimited)
        {
            delay = RateLimitFloor + delay;
        }

        if (error?.RetryAfter is { } asked && asked > delay)
        {
            delay = asked;
        }

        var ceiling = options.RetryMaxDelay > RateLimitFloor ? options.RetryMaxDelay : RateLimitFloor;
        return delay < ceiling ? delay : ceiling;
    }
}

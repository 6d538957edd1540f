using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Portal.DingTalk;
using Portal.DingTalk.Crypto;
using Portal.Web.Infrastructure.Http;

namespace Portal.Web.Features.DingTalkEvents;

/// <summary>
/// <c>POST /dingtalk/callback</c>: DingTalk's encrypted HTTP event push. Verifies the signature and the
/// timestamp window, decrypts, answers <c>check_url</c>, records other events once, and replies with
/// the encrypted, signed <c>success</c> DingTalk expects within 1.5 s.
/// </summary>
public static class CallbackEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context,
        IOptionsMonitor<CallbackOptions> callbackOptions,
        IOptionsMonitor<DingTalkOptions> dingTalkOptions,
        RecordDingTalkEvent record,
        TimeProvider time,
        ILogger<CallbackRequest> logger)
    {
        var options = callbackOptions.CurrentValue;
        if (!options.IsConfigured)
        {
            return Problems.NotFound("callback-not-configured", "HTTP callbacks are not configured", "Set DingTalk:Callback:Token and DingTalk:Callback:AesKey.");
        }

        var query = context.Request.Query;
        var signature = query["msg_signature"].FirstOrDefault() ?? query["signature"].FirstOrDefault();
        var timestamp = query["timestamp"].FirstOrDefault();
        var nonce = query["nonce"].FirstOrDefault();
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(nonce))
        {
            var missing = string.IsNullOrEmpty(signature) ? "signature" : string.IsNullOrEmpty(timestamp) ? "timestamp" : "nonce";
            return Problems.BadRequest("missing-parameter", "Missing query parameter", $"'{missing}' is required.", missing);
        }

        if (!IsFresh(timestamp, time.GetUtcNow(), options))
        {
            logger.LogWarning("DingTalk callback refused: timestamp outside the accepted window");
            return Problems.BadRequest("stale-timestamp", "Timestamp outside the accepted window", null, "timestamp");
        }

        var body = await CallbackRequest.ReadAsync(context.Request, options.MaxBodyBytes, context.RequestAborted);
        if (body.TooLarge)
        {
            return Problems.TooLarge(options.MaxBodyBytes);
        }

        if (body.Encrypt is null)
        {
            return Problems.BadRequest("malformed-body", "Malformed body", "Expected a JSON object with a string 'encrypt'.", "encrypt");
        }

        var crypto = CreateCrypto(options, dingTalkOptions.CurrentValue);
        DecryptedCallback opened;
        try
        {
            opened = crypto.VerifyAndOpen(signature, timestamp, nonce, body.Encrypt);
        }
        catch (DingTalkCryptoException exception) when (exception.Code == DingTalkCryptoError.SignatureMismatch)
        {
            logger.LogWarning("DingTalk callback refused: bad signature");
            return Problems.Unauthorized("bad-signature", "Signature does not verify");
        }
        catch (DingTalkCryptoException exception)
        {
            logger.LogWarning("DingTalk callback refused: payload does not decrypt ({CryptoError})", exception.Code);
            return Problems.BadRequest("undecryptable", "Payload does not decrypt", null, "encrypt");
        }

        var eventType = CallbackRequest.EventType(opened.Message);
        if (eventType is null)
        {
            return Problems.BadRequest("malformed-event", "Event has no EventType", null, "encrypt");
        }

        if (eventType is not ("check_url" or "check_create_suite_url" or "check_update_suite_url"))
        {
            var recorded = await record.ExecuteAsync(eventType, opened.Message, "http", context.RequestAborted);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("DingTalk event {EventType} received ({Outcome})", eventType, recorded ? "new" : "duplicate");
            }
        }

        var replyTimestamp = time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var replyNonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        return Results.Json(crypto.CreateReply("success", replyTimestamp, replyNonce));
    }

    private static readonly long MaxUnixMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    private static DingTalkCallbackCrypto CreateCrypto(CallbackOptions options, DingTalkOptions dingTalk)
    {
        // Which key DingTalk appends is unverified (corpId per the encryption doc, AppKey for
        // console-configured subscriptions per the overview): accept both unless one is configured.
        var ownerKeys = options.OwnerKey.Length > 0
            ? [options.OwnerKey]
            : new[] { dingTalk.CorpId, dingTalk.AppKey }.Where(k => k.Length > 0).Distinct().ToArray();
        return new DingTalkCallbackCrypto(options.Token, options.AesKey, ownerKeys);
    }

    private static bool IsFresh(string timestamp, DateTimeOffset now, CallbackOptions options)
    {
        // Past the year 9999 a time cannot be represented at all, and is not fresh either.
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > MaxUnixMilliseconds)
        {
            return false;
        }

        // DingTalk sends milliseconds; seconds are accepted for senders that follow older samples.
        var sent = value > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(value) : DateTimeOffset.FromUnixTimeSeconds(value);
        return sent >= now.AddMinutes(-options.MaxAgeMinutes) && sent <= now.AddMinutes(options.MaxAheadMinutes);
    }
}

using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Portal.DingTalk.Crypto;

namespace Portal.DingTalk.Simulator.Events;

/// <summary>The outcome of one callback attempt; <paramref name="Payload"/> is the plaintext that was pushed.</summary>
internal sealed record CallbackAttempt(bool Delivered, string Payload, string? Error);

/// <summary>
/// Pushes one event as DingTalk does (reference §8.1): encrypted with the subscription's EncodingAESKey
/// and the corpId as owner key, signed into <c>?signature=&amp;timestamp=&amp;nonce=</c>, body
/// <c>{"encrypt"}</c>. Only an HTTP 200 whose body is the signed, encrypted <c>success</c> counts.
/// </summary>
internal sealed class CallbackSender(
    IHttpClientFactory httpClients,
    IOptionsMonitor<SimulatorOptions> options,
    IOptionsMonitor<DingTalkOptions> app,
    TimeProvider time)
{
    public const string HttpClientName = "dingtalk-simulator-callbacks";

    private const string NonceAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Where callbacks go now, or <c>null</c> when they are off.</summary>
    public string? Target => options.CurrentValue.CallbackUrl is { Length: > 0 } url ? url : null;

    public async Task<CallbackAttempt> SendAsync(string url, SimulatedOrgEvent orgEvent, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var corpId = app.CurrentValue.CorpId;
        var payload = OrgEventPayloads.Callback(orgEvent, corpId, settings.CallbackPayloadStyle);
        DingTalkCallbackCrypto crypto;
        try
        {
            crypto = new DingTalkCallbackCrypto(
                settings.CallbackToken is { Length: > 0 } token ? token : SimulatorDefaults.CallbackToken,
                settings.CallbackAesKey is { Length: > 0 } aesKey ? aesKey : SimulatorDefaults.CallbackAesKey,
                corpId);
        }
        catch (DingTalkCryptoException exception)
        {
            return new CallbackAttempt(false, payload, $"the callback key is unusable ({exception.Code})");
        }

        var encrypt = crypto.Encrypt(payload);
        var timestamp = time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetString(NonceAlphabet, 8);
        var query = $"signature={crypto.Sign(timestamp, nonce, encrypt)}&timestamp={timestamp}&nonce={nonce}";
        var target = new Uri(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).PostAsJsonAsync(target, new { encrypt }, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return new CallbackAttempt(false, payload, $"HTTP {(int)response.StatusCode}");
            }

            var reply = await response.Content.ReadFromJsonAsync<CallbackReply>(cancellationToken);
            var acknowledged = reply is not null
                && !string.IsNullOrEmpty(reply.Encrypt)
                && crypto.Verify(reply.MsgSignature, reply.TimeStamp ?? "", reply.Nonce ?? "", reply.Encrypt)
                && crypto.Decrypt(reply.Encrypt) == "success";
            return new CallbackAttempt(acknowledged, payload, acknowledged ? null : "the reply is not the signed, encrypted 'success'");
        }
        catch (HttpRequestException exception)
        {
            return new CallbackAttempt(false, payload, $"unreachable ({exception.HttpRequestError})");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new CallbackAttempt(false, payload, "no answer in time");
        }
        catch (Exception exception) when (exception is JsonException or DingTalkCryptoException or NotSupportedException)
        {
            return new CallbackAttempt(false, payload, "the reply is not a callback reply");
        }
    }
}

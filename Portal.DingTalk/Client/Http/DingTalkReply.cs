using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Portal.DingTalk.Client.Http;

/// <summary>Reads either envelope into the endpoint's model, or into a <see cref="DingTalkException"/>.</summary>
internal static class DingTalkReply
{
    private const string RequestIdHeader = "x-acs-request-id";

    public static T Read<T>(DingTalkCall call, int status, HttpResponseHeaders headers, byte[] body)
    {
        var headerRequestId = headers.TryGetValues(RequestIdHeader, out var values) ? values.FirstOrDefault() : null;
        var success = status is >= 200 and < 300;
        if (body.Length == 0 && success)
        {
            body = "{}"u8.ToArray();
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            throw new DingTalkException(
                call.Api,
                DingTalkErrorCodes.ReplyNotJson,
                DingTalkErrorClassifier.ClassifyStatus(status),
                $"DingTalk {call.Api} answered HTTP {status} with a body that is not JSON.",
                exception)
            {
                HttpStatus = status,
                RequestId = headerRequestId,
                RetryAfter = headers.RetryAfter?.Delta,
            };
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Unexpected(call, status, headerRequestId, "the reply is not a JSON object", null);
            }

            if (IsIpBlock(root))
            {
                throw IpBlocked(call, status, root);
            }

            return call.Host == DingTalkHost.Oapi
                ? ReadOapi<T>(call, status, headers, headerRequestId, root)
                : ReadApi<T>(call, status, headers, headerRequestId, root);
        }
    }

    private static T ReadOapi<T>(DingTalkCall call, int status, HttpResponseHeaders headers, string? headerRequestId, JsonElement root)
    {
        var requestId = Text(root, "request_id") ?? headerRequestId;
        var errcode = Text(root, "errcode");
        if (errcode is not null && errcode != "0")
        {
            var subCode = Text(root, "sub_code");
            var subMessage = Text(root, "sub_msg");
            var message = $"DingTalk {call.Api} failed with errcode {errcode}: {Text(root, "errmsg")}"
                + (subCode is null ? "" : $" (sub_code {subCode}: {subMessage})");
            throw new DingTalkException(call.Api, errcode, DingTalkErrorClassifier.ClassifyOapi(errcode, subCode), message)
            {
                SubCode = subCode,
                RequestId = requestId,
                HttpStatus = status,
                IsTokenRejected = DingTalkErrorClassifier.IsOapiTokenRejected(errcode, subCode),
                RetryAfter = headers.RetryAfter?.Delta,
            };
        }

        if (status is < 200 or >= 300)
        {
            var code = "http." + status.ToString(CultureInfo.InvariantCulture);
            throw new DingTalkException(call.Api, code, DingTalkErrorClassifier.ClassifyStatus(status), $"DingTalk {call.Api} answered HTTP {status} without an errcode.")
            {
                RequestId = requestId,
                HttpStatus = status,
                RetryAfter = headers.RetryAfter?.Delta,
            };
        }

        var data = root;
        if (call.ResultProperty is { } property && !root.TryGetProperty(property, out data))
        {
            throw Unexpected(call, status, requestId, $"the reply has no '{property}'", null);
        }

        return Deserialize<T>(call, status, requestId, data);
    }

    private static T ReadApi<T>(DingTalkCall call, int status, HttpResponseHeaders headers, string? headerRequestId, JsonElement root)
    {
        var requestId = Text(root, "requestid") ?? Text(root, "requestId") ?? headerRequestId;
        if (status is >= 200 and < 300)
        {
            return Deserialize<T>(call, status, requestId, root);
        }

        var code = Text(root, "code") ?? "http." + status.ToString(CultureInfo.InvariantCulture);
        throw new DingTalkException(
            call.Api,
            code,
            DingTalkErrorClassifier.ClassifyApi(status, code),
            $"DingTalk {call.Api} answered HTTP {status} {code}: {Text(root, "message")}")
        {
            RequestId = requestId,
            HttpStatus = status,
            IsTokenRejected = DingTalkErrorClassifier.IsApiTokenRejected(code),
            RetryAfter = headers.RetryAfter?.Delta,
        };
    }

    private static T Deserialize<T>(DingTalkCall call, int status, string? requestId, JsonElement data)
    {
        try
        {
            return data.Deserialize<T>(DingTalkJson.For(call.Host))
                ?? throw Unexpected(call, status, requestId, "the data is null", null);
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException or NotSupportedException)
        {
            throw Unexpected(call, status, requestId, "the data does not match the documented shape", exception);
        }
    }

    // The per-IP throttle answers with its own body (reference §1): {"status":1111,"wait":5,"punish":"deny",...}.
    private static bool IsIpBlock(JsonElement root) => Text(root, "punish") is not null && Text(root, "status") == "1111";

    private static DingTalkException IpBlocked(DingTalkCall call, int status, JsonElement root)
    {
        var waitMinutes = int.TryParse(Text(root, "wait"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var wait) ? wait : 5;
        return new DingTalkException(call.Api, DingTalkErrorCodes.IpBlocked, DingTalkErrorKind.RateLimited, $"DingTalk blocked this server's IP for {waitMinutes} min (calling {call.Api}).")
        {
            HttpStatus = status,
            RequestId = Text(root, "uuid"),
            RetryAfter = TimeSpan.FromMinutes(waitMinutes),
        };
    }

    private static DingTalkException Unexpected(DingTalkCall call, int status, string? requestId, string what, Exception? inner) =>
        new(call.Api, DingTalkErrorCodes.ReplyUnexpectedShape, DingTalkErrorKind.Unknown, $"DingTalk {call.Api} answered, but {what}.", inner)
        {
            HttpStatus = status,
            RequestId = requestId,
        };

    /// <summary>A property as text whether DingTalk sent it as a string or a number (errcode comes both ways).</summary>
    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                _ => null,
            }
            : null;
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Portal.DingTalk.Client;
using Portal.DingTalk.Client.Identity;
using Portal.Web.Infrastructure.Http;

namespace Portal.Web.Features.SignIn;

/// <summary>
/// <c>POST /auth/dingtalk/code</c>: the 免登 exchange. The page inside DingTalk asks the client for a
/// one-time code and posts it here; DingTalk tells us whose code it is, and we issue the session cookie.
/// A code DingTalk refused is remembered for its lifetime, and an address that keeps sending bad codes
/// is refused for a while, so guessing costs DingTalk calls no more.
/// </summary>
public static class DingTalkCodeEndpoint
{
    public const int MaxBodyBytes = 4096;
    public const int MaxCodeLength = 128;

    /// <summary>DingTalk's codes live five minutes; a refused one stays refused at least that long.</summary>
    private static readonly TimeSpan RefusedFor = TimeSpan.FromMinutes(5);

    public static async Task<IResult> HandleAsync(
        HttpContext context, IdentityClient identity, SignInPerson signIn, FailedCodes failed, IMemoryCache cache, ILogger<SignInPerson> logger)
    {
        var address = RateLimits.ClientAddress(context);
        if (failed.IsBlocked(address))
        {
            logger.LogWarning("Auth code exchange refused: too many bad codes from one address");
            return RateLimits.TooMany(context);
        }

        var body = await RequestBody.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            return Problems.TooLarge(MaxBodyBytes);
        }

        if (ReadCode(body) is not { } code)
        {
            failed.Record(address);
            return Problems.BadRequest("invalid-code", "An auth code is required", "Send a JSON object such as {\"code\": \"…\"}.", "code");
        }

        var refusedKey = "signin-refused:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
        if (cache.TryGetValue(refusedKey, out SignInRefusal earlier))
        {
            failed.Record(address);
            return Refuse(earlier);
        }

        string userId;
        int adminLevel;
        try
        {
            var user = await identity.GetUserByAuthCodeAsync(code, context.RequestAborted);
            (userId, adminLevel) = (user.UserId, user.IsAdmin ? Math.Max(user.SysLevel, 1) : 0);
        }
        catch (DingTalkException exception)
        {
            var refusal = exception.Kind switch
            {
                DingTalkErrorKind.BadRequest => SignInRefusal.InvalidCode,
                DingTalkErrorKind.Permission or DingTalkErrorKind.Auth => SignInRefusal.AppNotAuthorized,
                _ => SignInRefusal.DingTalkUnreachable,
            };
            logger.LogWarning("Auth code exchange refused: {Kind} {Code}", exception.Kind, exception.Code);
            if (refusal == SignInRefusal.InvalidCode)
            {
                failed.Record(address);
                cache.Set(refusedKey, refusal, RefusedFor);
            }

            return Refuse(refusal);
        }

        var outcome = await signIn.ExecuteAsync(userId, adminLevel, context.RequestAborted);
        if (outcome.Principal is null)
        {
            return Refuse(outcome.Refusal!.Value);
        }

        await context.SignInAsync(PortalClaims.Scheme, outcome.Principal);
        return Results.Ok(new { userId, name = outcome.Principal.Identity?.Name });
    }

    public static IResult Refuse(SignInRefusal refusal) =>
        Problems.Create(refusal.Status(), refusal.Code(), "Sign-in refused");

    /// <summary>The code of a body <c>{"code": "…"}</c>; null for anything else (not UTF-8, not JSON, no such string).</summary>
    private static string? ReadCode(byte[] body)
    {
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 4 });
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("code", out var value)
                && value.ValueKind == JsonValueKind.String
                && value.GetString() is { Length: > 0 and <= MaxCodeLength } code
                && code.All(c => c is > ' ' and <= '~')
                ? code
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

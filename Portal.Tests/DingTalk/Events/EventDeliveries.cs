using System.Text.Json;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.DingTalk.Events;

/// <summary>The simulator's record of the events it pushed (<c>GET /_dingtalk/_control/events</c>).</summary>
internal static class EventDeliveries
{
    public static async Task<List<JsonElement>> AllAsync(KestrelPortal portal) =>
        [.. (await portal.GetJsonAsync("_dingtalk/_control/events")).EnumerateArray()];

    /// <summary>Waits until an event matching <paramref name="match"/> is listed and <paramref name="settled"/> says it is done.</summary>
    public static Task<JsonElement> WaitForAsync(KestrelPortal portal, Func<JsonElement, bool> match, Func<JsonElement, bool> settled, string what) =>
        KestrelPortal.EventuallyAsync(
            async () => (await AllAsync(portal)).FirstOrDefault(match),
            delivery => delivery.ValueKind == JsonValueKind.Object && settled(delivery),
            what);

    public static bool Concerns(this JsonElement delivery, string eventType, string? userId = null, long? deptId = null) =>
        delivery.GetProperty("eventType").GetString() == eventType
        && (userId is null || delivery.GetProperty("userIds").EnumerateArray().Any(id => id.GetString() == userId))
        && (deptId is null || delivery.GetProperty("deptIds").EnumerateArray().Any(id => id.GetInt64() == deptId));

    public static string Callback(this JsonElement delivery) => delivery.GetProperty("callback").GetString()!;

    public static int CallbackAttempts(this JsonElement delivery) => delivery.GetProperty("callbackAttempts").GetInt32();
}

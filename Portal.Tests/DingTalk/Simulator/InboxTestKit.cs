using System.Text.Json;
using Portal.DingTalk.Client.Messages;

namespace Portal.Tests.DingTalk.Simulator;

/// <summary>Starting the simulator for inbox tests and reading what people received through the control API.</summary>
internal static class InboxTestKit
{
    /// <summary>
    /// Client-side pacing waits on real time under the tests' manual clock; these tests are about
    /// what DingTalk does, so the client sends at once.
    /// </summary>
    public static Task<SimulatorHost> StartUnpacedAsync(IDictionary<string, string?>? settings = null, string? dataFolder = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["DingTalk:Client:DefaultQps"] = "0" };
        return SimulatorHost.StartAsync(all, dataFolder);
    }

    public static T Client<T>(this SimulatorHost host)
        where T : notnull => host.Portal.Get<T>();

    public static async Task<List<ControlPerson>> ActivePeopleAsync(this SimulatorHost host) =>
        [.. (await host.PeopleAsync()).Where(p => p.Active)];

    public static async Task<JsonElement> MessagesAsync(this SimulatorHost host, string userId) =>
        await host.GetJsonAsync($"_dingtalk/_control/users/{Uri.EscapeDataString(userId)}/messages");

    /// <summary>The text contents in the person's inbox, newest first.</summary>
    public static async Task<List<string>> TextsAsync(this SimulatorHost host, string userId) =>
        [.. (await host.MessagesAsync(userId)).EnumerateArray()
            .Where(m => m.GetProperty("msgType").GetString() == "text")
            .Select(m => m.GetProperty("message").GetProperty("text").GetProperty("content").GetString()!)];

    public static Task<long> SendTextAsync(this SimulatorHost host, string content, params string[] userIds) =>
        host.Client<WorkNotificationClient>().SendAsync(new WorkNotification(WorkMessage.ForText(content)) { UserIds = userIds }, CancellationToken.None);
}

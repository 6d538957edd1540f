using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Portal.DingTalk.Simulator.Http;

/// <summary>Whose credential a call needs.</summary>
internal enum Caller
{
    /// <summary>No token: the call itself carries the app's credentials (token endpoints).</summary>
    Anonymous,

    /// <summary>The app's access token.</summary>
    App,

    /// <summary>A signed-in person's user access token (api host only).</summary>
    User,
}

/// <summary>An authenticated oapi call: its parameters and the AppKey its token belongs to.</summary>
internal sealed record OapiCall(OapiParameters Parameters, string AppKey, SimulatorRuntime Simulator)
{
    public string RequiredText(string name) =>
        Parameters.Text(name) is { Length: > 0 } text ? text : throw OapiParameters.Missing(name);

    public long RequiredNumber(string name) => Parameters.Number(name) ?? throw OapiParameters.Missing(name);
}

/// <summary>An authenticated api.dingtalk.com call: its JSON body and who called (an AppKey or, for user tokens, a userId).</summary>
internal sealed record ApiCall(HttpContext Http, JsonObject Body, string Caller, SimulatorRuntime Simulator)
{
    public string? Text(string name) => Body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public string Route(string name) => Http.GetRouteValue(name)?.ToString() ?? "";
}

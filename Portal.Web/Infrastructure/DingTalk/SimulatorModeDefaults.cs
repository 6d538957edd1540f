using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using Portal.DingTalk;
using Portal.DingTalk.Simulator;

namespace Portal.Web.Infrastructure.DingTalk;

/// <summary>
/// In Simulator mode, fills the DingTalk keys an operator left unset: the simulator's demo app
/// credentials, and base URLs on the portal's own first listening address (plain HTTP preferred, so
/// the in-process client needs no development certificate). Before the server listens the address
/// comes from the configured URLs; <see cref="ServerStartedChangeTokenSource{TOptions}"/> has
/// <see cref="IOptionsMonitor{TOptions}"/> recompute once the real address is known. IOptions&lt;T&gt;
/// caches its first value, so readers of the base URLs use IOptionsMonitor.
/// </summary>
internal sealed class SimulatorModeDefaults(IConfiguration configuration, IServer server) : IPostConfigureOptions<DingTalkOptions>
{
    private const string KestrelDefault = "http://localhost:5000";

    public void PostConfigure(string? name, DingTalkOptions options)
    {
        if (options.Mode != DingTalkMode.Simulator)
        {
            return;
        }

        options.AppKey = Unset(nameof(options.AppKey)) ? SimulatorDefaults.AppKey : options.AppKey;
        options.AppSecret = Unset(nameof(options.AppSecret)) ? SimulatorDefaults.AppSecret : options.AppSecret;
        options.CorpId = Unset(nameof(options.CorpId)) ? SimulatorDefaults.CorpId : options.CorpId;
        options.AgentId = Unset(nameof(options.AgentId)) ? SimulatorDefaults.AgentId : options.AgentId;
        if (Unset(nameof(options.OapiBaseUrl)) || Unset(nameof(options.ApiBaseUrl)))
        {
            var self = OwnAddress();
            options.OapiBaseUrl = Unset(nameof(options.OapiBaseUrl)) ? self + SimulatorDefaults.OapiPath : options.OapiBaseUrl;
            options.ApiBaseUrl = Unset(nameof(options.ApiBaseUrl)) ? self + SimulatorDefaults.ApiPath : options.ApiBaseUrl;
        }
    }

    private bool Unset(string key) => string.IsNullOrWhiteSpace(configuration[$"{DingTalkOptions.SectionName}:{key}"]);

    private string OwnAddress()
    {
        var configured = Split(configuration["urls"]);
        if (configured.Length == 0 && Split(configuration["http_ports"]).FirstOrDefault() is { } port)
        {
            configured = [string.Create(CultureInfo.InvariantCulture, $"http://localhost:{port}")];
        }

        return ListeningAddress.Of(server) ?? ListeningAddress.Pick(configured) ?? KestrelDefault;
    }

    private static string[] Split(string? list) =>
        (list ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

using Microsoft.Extensions.Options;
using Portal.DingTalk;
using Portal.DingTalk.Client;
using Portal.DingTalk.Simulator;
using Portal.Web.Infrastructure.Data;

namespace Portal.Web.Infrastructure.Configuration;

// Each failure names the configuration key to fix, as an operator reads it in the start-up error.

internal sealed class PortalOptionsValidator : IValidateOptions<PortalOptions>
{
    public ValidateOptionsResult Validate(string? name, PortalOptions options)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            return ValidateOptionsResult.Fail($"Portal:TimeZone '{options.TimeZone}' is not a known time zone (e.g. Asia/Shanghai).");
        }

        if (!string.IsNullOrWhiteSpace(options.PublicUrl)
            && (!Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.PathAndQuery != "/"))
        {
            return ValidateOptionsResult.Fail($"Portal:PublicUrl '{options.PublicUrl}' must be an http(s) address without a path, e.g. https://portal.example.com.");
        }

        if (options.TrustedProxies.FirstOrDefault(p => !Http.ForwardedHeadersSetup.TryParse(p.Trim(), out _)) is { } wrong)
        {
            return ValidateOptionsResult.Fail($"Portal:TrustedProxies '{wrong}' is not an IP address or a network such as 10.0.0.0/8.");
        }

        return ValidateOptionsResult.Success;
    }
}

internal sealed class DatabaseOptionsValidator(IConfiguration configuration) : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (!Enum.IsDefined(options.Provider))
        {
            return ValidateOptionsResult.Fail("Database:Provider must be 'Sqlite' or 'Postgres'.");
        }

        if (options.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)))
        {
            return ValidateOptionsResult.Fail("ConnectionStrings:Portal is required when Database:Provider is 'Postgres'.");
        }

        return ValidateOptionsResult.Success;
    }
}

internal sealed class DingTalkOptionsValidator : IValidateOptions<DingTalkOptions>
{
    public ValidateOptionsResult Validate(string? name, DingTalkOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Mode))
        {
            failures.Add("DingTalk:Mode must be 'Simulator' or 'Live'.");
        }

        if (options.Mode == DingTalkMode.Live)
        {
            Require(options.AppKey, "DingTalk:AppKey");
            Require(options.AppSecret, "DingTalk:AppSecret");
            Require(options.CorpId, "DingTalk:CorpId");
            Require(options.AgentId, "DingTalk:AgentId");
        }

        RequireAbsoluteUrl(options.OapiBaseUrl, "DingTalk:OapiBaseUrl");
        RequireAbsoluteUrl(options.ApiBaseUrl, "DingTalk:ApiBaseUrl");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Require(string value, string key)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"{key} is required when DingTalk:Mode is 'Live'.");
            }
        }

        void RequireAbsoluteUrl(string value, string key)
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out _))
            {
                failures.Add($"{key} must be an absolute URL.");
            }
        }
    }
}

internal sealed class DingTalkClientOptionsValidator : IValidateOptions<DingTalkClientOptions>
{
    private const string Section = DingTalkClientOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, DingTalkClientOptions options)
    {
        var failures = new List<string>();
        if (options.DefaultQps < 0)
        {
            failures.Add($"{Section}:DefaultQps must be 0 (no client-side limit) or more.");
        }

        foreach (var (api, qps) in options.ApiQps)
        {
            if (!DingTalkApiNames.All.Contains(api, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"{Section}:ApiQps:{api} is not an API the client calls (see DingTalkApiNames).");
            }
            else if (qps < 0)
            {
                failures.Add($"{Section}:ApiQps:{api} must be 0 (no client-side limit) or more.");
            }
        }

        if (options.RetryAttempts is < 0 or > 10)
        {
            failures.Add($"{Section}:RetryAttempts must be between 0 and 10.");
        }

        if (options.RetryBaseDelay <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:RetryBaseDelay must be positive.");
        }

        if (options.RetryMaxDelay < TimeSpan.FromSeconds(1) || options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add($"{Section}:RetryMaxDelay must be at least 1 second and at least RetryBaseDelay.");
        }

        if (options.TokenRefreshMargin < TimeSpan.Zero || options.TokenRefreshMargin >= TimeSpan.FromHours(1))
        {
            failures.Add($"{Section}:TokenRefreshMargin must be between 0 and 1 hour (tokens live 2 hours).");
        }

        if (!Enum.IsDefined(options.TokenEndpoint))
        {
            failures.Add($"{Section}:TokenEndpoint must be 'V1' or 'Oapi'.");
        }

        if (!Enum.IsDefined(options.JsapiTicketEndpoint))
        {
            failures.Add($"{Section}:JsapiTicketEndpoint must be 'V1' or 'Oapi'.");
        }

        if (options.MaxNotificationUserIds < 1)
        {
            failures.Add($"{Section}:MaxNotificationUserIds must be 1 or more.");
        }

        if (options.MaxNotificationDeptIds < 1)
        {
            failures.Add($"{Section}:MaxNotificationDeptIds must be 1 or more.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

internal sealed class SimulatorOptionsValidator : IValidateOptions<SimulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        var failures = new List<string>();
        if (options.People is < 1 or > SimulatorOptions.MaxPeople)
        {
            failures.Add($"DingTalk:Simulator:People must be between 1 and {SimulatorOptions.MaxPeople}.");
        }

        if (options.QpsPerApi < 1)
        {
            failures.Add("DingTalk:Simulator:QpsPerApi must be at least 1.");
        }

        if (options.DailyMessagesPerUser < 0)
        {
            failures.Add("DingTalk:Simulator:DailyMessagesPerUser must be 0 (no cap) or more.");
        }

        if (options.MonthlyCallQuota < 0)
        {
            failures.Add("DingTalk:Simulator:MonthlyCallQuota must be 0 (no quota) or more.");
        }

        if (options.CallbackUrl is { Length: > 0 } url
            && !(Uri.TryCreate(url, UriKind.Absolute, out var target) && target.Scheme is "http" or "https"))
        {
            failures.Add("DingTalk:Simulator:CallbackUrl must be an absolute http(s) URL, or empty to turn HTTP callbacks off.");
        }

        if (options.CallbackAesKey.Length is > 0 and not 43)
        {
            failures.Add("DingTalk:Simulator:CallbackAesKey must be the 43-character EncodingAESKey.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

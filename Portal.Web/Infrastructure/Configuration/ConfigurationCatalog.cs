using System.Reflection;
using Portal.DingTalk;
using Portal.DingTalk.Client;
using Portal.DingTalk.Stream;
using Portal.Web.Features.Content.Delivery;
using Portal.Web.Features.Content.Scheduling;
using Portal.Web.Features.Content.Editing.Files;
using Portal.Web.Features.Content.Reading;
using Portal.Web.Features.Content.Reading.Demo;
using Portal.Web.Features.DingTalkEvents;
using Portal.Web.Features.DingTalkJsapi;
using Portal.Web.Features.Integration;
using Portal.Web.Features.Outbox;
using Portal.Web.Features.People.Import;
using Portal.Web.Features.Roles;
using Portal.Web.Features.SignIn;
using Portal.DingTalk.Simulator;
using Portal.Web.Infrastructure.Data;
using Portal.Web.Infrastructure.Logging;
using Portal.Web.Infrastructure.Security;

namespace Portal.Web.Infrastructure.Configuration;

/// <summary>
/// Every configuration key the portal reads. Deployment files (docker-compose.yml, the README's
/// table) are checked against this list so that a misspelt key fails a test, not a deployment.
/// </summary>
public static class ConfigurationCatalog
{
    private static readonly (string Section, Type Options)[] OptionSections =
    [
        (PortalOptions.SectionName, typeof(PortalOptions)),
        (DatabaseOptions.SectionName, typeof(DatabaseOptions)),
        (DingTalkOptions.SectionName, typeof(DingTalkOptions)),
        (DingTalkClientOptions.SectionName, typeof(DingTalkClientOptions)),
        (SimulatorOptions.SectionName, typeof(SimulatorOptions)),
        (LogFileOptions.SectionName, typeof(LogFileOptions)),
        (CallbackOptions.SectionName, typeof(CallbackOptions)),
        (StreamHostingOptions.SectionName, typeof(StreamHostingOptions)),
        (JsapiOptions.SectionName, typeof(JsapiOptions)),
        (SignInOptions.SectionName, typeof(SignInOptions)),
        (RolesOptions.SectionName, typeof(RolesOptions)),
        (DemoRolesOptions.SectionName, typeof(DemoRolesOptions)),
        (ImportOptions.SectionName, typeof(ImportOptions)),
        (OutboxOptions.SectionName, typeof(OutboxOptions)),
        (DeliveryOptions.SectionName, typeof(DeliveryOptions)),
        (ContentFileOptions.SectionName, typeof(ContentFileOptions)),
        (IntegrationOptions.SectionName, typeof(IntegrationOptions)),
        (DemoClientOptions.SectionName, typeof(DemoClientOptions)),
        (SchedulerOptions.SectionName, typeof(SchedulerOptions)),
        (DemoContentOptions.SectionName, typeof(DemoContentOptions)),
        (ReadingOptions.SectionName, typeof(ReadingOptions)),
        (StreamClientOptions.SectionName, typeof(StreamClientOptions)),
    ];

    /// <summary>Sections whose keys are names chosen by the operator (Serilog's levels and sinks, an API name).</summary>
    private static readonly string[] OpenPrefixes =
    [
        "Serilog:",
        DingTalkClientOptions.SectionName + ":" + nameof(DingTalkClientOptions.ApiQps) + ":",
    ];

    private static readonly string[] HostKeys =
    [
        "ASPNETCORE_ENVIRONMENT",
        "ASPNETCORE_URLS",
        "ASPNETCORE_HTTP_PORTS",
        "AllowedHosts",
        "ConnectionStrings:" + DatabaseOptions.ConnectionStringName,
        SecuritySetup.CertificatePathKey,
        SecuritySetup.CertificatePasswordKey,
    ];

    /// <summary>Keys in configuration form (<c>Section:Key</c>).</summary>
    public static IReadOnlySet<string> Keys()
    {
        var keys = new HashSet<string>(HostKeys, StringComparer.OrdinalIgnoreCase);
        foreach (var (section, type) in OptionSections)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                keys.Add($"{section}:{property.Name}");
            }
        }

        return keys;
    }

    /// <summary>Whether an environment variable name (<c>Section__Key</c>) is a key the portal reads.</summary>
    public static bool IsKnownEnvironmentVariable(string name)
    {
        var key = name.Replace("__", ":", StringComparison.Ordinal);
        return Keys().Contains(key) || OpenPrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
    }
}

using Microsoft.Extensions.Options;
using Portal.Web.Infrastructure.Http;

namespace Portal.Web.Features.Integration.Keys;

/// <summary>Wrong integration keys per client address (<see cref="IntegrationOptions.FailedKeysPerMinute"/>).</summary>
public sealed class FailedKeys(IOptionsMonitor<IntegrationOptions> options) : FailureLimit(() => options.CurrentValue.FailedKeysPerMinute);

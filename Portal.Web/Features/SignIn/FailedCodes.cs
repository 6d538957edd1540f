using Microsoft.Extensions.Options;
using Portal.Web.Infrastructure.Http;

namespace Portal.Web.Features.SignIn;

/// <summary>Bad sign-in codes per client address (<see cref="SignInOptions.FailedCodesPerMinute"/>).</summary>
public sealed class FailedCodes(IOptionsMonitor<SignInOptions> options) : FailureLimit(() => options.CurrentValue.FailedCodesPerMinute);

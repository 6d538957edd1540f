using Microsoft.Extensions.Options;
using Portal.Web.Infrastructure.Configuration;

namespace Portal.Web.Features.Content.Editing;

/// <summary>Editors pick times on the organisation's wall clock (Portal:TimeZone); the items store UTC.</summary>
public sealed class LocalTimes(IOptions<PortalOptions> options)
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
}

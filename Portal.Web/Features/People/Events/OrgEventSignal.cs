using Portal.Web.Infrastructure.Background;

namespace Portal.Web.Features.People.Events;

/// <summary>Raised when a new org event is recorded, so it is applied at once rather than at the next poll.</summary>
public sealed class OrgEventSignal : WakeSignal;

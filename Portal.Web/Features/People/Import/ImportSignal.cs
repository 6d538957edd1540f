using Portal.Web.Infrastructure.Background;

namespace Portal.Web.Features.People.Import;

/// <summary>Wakes the import worker as soon as someone asks for an import.</summary>
public sealed class ImportSignal : WakeSignal;

namespace Portal.Tests.Components;

/// <summary>A component test on the small <see cref="ComponentOrganisation"/>, seeded before each test.</summary>
public abstract class OrganisationComponentTest(string culture = Web.Infrastructure.Localization.LocalizationSetup.Chinese)
    : PortalComponentTest(culture)
{
    protected ComponentOrganisation People { get; private set; } = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await DbAsync();
        People = await ComponentOrganisation.SeedAsync(db);
    }
}

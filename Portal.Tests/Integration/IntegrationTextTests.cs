using Portal.Tests.Foundation;

namespace Portal.Tests.Integration;

public sealed class IntegrationTextTests
{
    [Fact]
    public void Every_scope_has_a_name() =>
        Assert.All(Portal.Domain.Integration.IntegrationClient.AllScopes, scope => Assert.Contains("Scope_" + scope.Replace(':', '_'), ResourceTexts.Load("IntegrationText.resx").Keys));
}

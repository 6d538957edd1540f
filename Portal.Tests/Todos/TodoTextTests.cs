using Portal.Tests.Foundation;

namespace Portal.Tests.Todos;

public sealed class TodoTextTests
{
    [Fact]
    public void Every_priority_has_a_name() =>
        Assert.All(new[] { 10, 20, 30, 40 }, priority => Assert.Contains($"Priority_{priority}", ResourceTexts.Load("TodoText.resx").Keys));
}

using Microsoft.AspNetCore.Components;

namespace Portal.Tests.E2E;

public sealed class SweepPagesTests
{
    /// <summary>A new <c>@page</c> fails here until the phone sweep opens it too.</summary>
    [Fact]
    public void The_phone_sweep_covers_every_routable_page()
    {
        var routes = typeof(Program).Assembly.GetTypes()
            .SelectMany(type => type.GetCustomAttributes(typeof(RouteAttribute), inherit: false).Cast<RouteAttribute>())
            .Select(route => route.Template)
            .Distinct();

        Assert.Equal(routes.Order(), SweepPages.All.Select(p => p.Route).Distinct().Order());
    }
}

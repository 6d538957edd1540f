using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Time.Testing;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Todos;

namespace Portal.Tests.Todos;

/// <summary>A one-tap link is bound to its to-do, action and expiry; any change makes it invalid.</summary>
public sealed class TodoActionLinkTests
{
    private readonly FakeTimeProvider time = TestTime.Fake();
    private readonly TodoActionLinks links;

    public TodoActionLinkTests() => links = new TodoActionLinks(new EphemeralDataProtectionProvider(), time);

    [Fact]
    public void A_link_checks_out_until_it_expires_and_not_for_another_to_do_action_or_expiry()
    {
        var todo = Guid.NewGuid();
        var (action, exp, sig) = Parse(links.Create(todo, "approve", time.GetUtcNow().AddMinutes(30)));

        Assert.Equal("approve", action);
        Assert.Equal(ActionLinkCheck.Valid, links.Check(todo, action, exp, sig));
        Assert.Equal(ActionLinkCheck.Invalid, links.Check(Guid.NewGuid(), action, exp, sig));
        Assert.Equal(ActionLinkCheck.Invalid, links.Check(todo, "reject", exp, sig));
        Assert.Equal(ActionLinkCheck.Invalid, links.Check(todo, action, exp + 86_400, sig));
        Assert.Equal(ActionLinkCheck.Invalid, links.Check(todo, action, exp, sig[..10] + (sig[10] == 'A' ? 'B' : 'A') + sig[11..]));
        Assert.Equal(ActionLinkCheck.Invalid, links.Check(todo, action, exp, "not base64 ✓"));
        Assert.Equal(ActionLinkCheck.Invalid, links.Check(todo, action, null, sig));
        Assert.Equal(ActionLinkCheck.Invalid, new TodoActionLinks(new EphemeralDataProtectionProvider(), time).Check(todo, action, exp, sig));
        time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(ActionLinkCheck.Expired, links.Check(todo, action, exp, sig));
    }

    private static (string Action, long Exp, string Sig) Parse(string link)
    {
        var query = QueryHelpers.ParseQuery(new Uri("http://portal/" + link).Query);
        return (query["action"]!, long.Parse(query["exp"]!, System.Globalization.CultureInfo.InvariantCulture), query["sig"]!);
    }
}

using Portal.Domain.Audiences;

namespace Portal.Tests.E2E;

/// <summary>A page the sweep opens: its name in failures and screenshot files, its <c>@page</c> route, who may open it and its address for a role.</summary>
/// <param name="Address">The address with real ids, for routes that have parameters.</param>
/// <param name="Static">Rendered without a circuit ([ExcludeFromInteractiveRouting]): loaded, never interactive.</param>
internal sealed record SweepPage(string Name, string Route, string[] Roles, Func<SweepPortal, string, string>? Address = null, bool Static = false)
{
    public string AddressFor(SweepPortal portal, string role) => Address?.Invoke(portal, role) ?? Route;
}

/// <summary>Every routable page of Portal.Web (each <c>@page</c>), with real ids from the sweep portal's data.</summary>
internal static class SweepPages
{
    public const string NotFound = "not-found";
    public const string Forbidden = "forbidden";

    private static readonly string[] Everyone = [Role.Employee, Role.Editor, Role.Approver, Role.Admin];
    private static readonly string[] Newsroom = [Role.Editor, Role.Approver, Role.Admin];
    private static readonly string[] Writers = [Role.Editor, Role.Admin];
    private static readonly string[] Admins = [Role.Admin];

    /// <summary>
    /// The pages that tell a person they may not see something come first: the sweep learns their titles
    /// and then fails any other page that shows one instead of itself.
    /// </summary>
    public static readonly SweepPage[] All =
    [
        new(NotFound, "/not-found", Everyone),
        new(Forbidden, "/forbidden", Everyone),
        new("home", "/", Everyone),
        new("directory", "/directory", Everyone),
        new("todos", "/todos", Everyone),
        new("todo", "/todos/{Id:guid}", Everyone, (s, role) => $"/todos/{s.TodoOf[role]:D}"),
        new("todo-act", "/todos/{Id:guid}/act", Everyone, (s, role) => s.TodoActPathOf[role]),
        new("article", "/content/{Id:guid}", Everyone, (s, _) => $"/content/{s.Article:D}"),
        new("me", "/me", Everyone),
        new("reach", "/content/{Id:guid}/reach", Newsroom, (s, _) => $"/content/{s.Article:D}/reach"),
        new("editor", "/editor", Newsroom),
        new("editor-new-news", "/editor/new/{Kind}", Writers, (_, _) => "/editor/new/news"),
        new("editor-new-notice", "/editor/new/{Kind}", Writers, (_, _) => "/editor/new/notice"),
        new("editor-draft", "/editor/{Id:guid}", Writers, (s, _) => $"/editor/{s.Draft:D}"),
        new("editor-submitted", "/editor/{Id:guid}", Newsroom, (s, _) => $"/editor/{s.Submitted:D}"),
        new("editor-published", "/editor/{Id:guid}", Newsroom, (s, _) => $"/editor/{s.Article:D}"),
        new("admin", "/admin", Admins),
        new("admin-roles", "/admin/roles", Admins),
        new("admin-role-editor", "/admin/roles/{Key}", Admins, (_, _) => "/admin/roles/editor"),
        new("admin-import", "/admin/import", Admins),
        new("admin-outbox", "/admin/outbox", Admins),
        new("admin-audit", "/admin/audit", Admins),
        new("admin-integrations", "/admin/integrations", Admins),
        new("signin", "/signin", Everyone, Static: true),
        new("error", "/error", Everyone, Static: true),

        // The simulated DingTalk client comes last: it is the phone itself when opened on one.
        new("simulator-phone", "/simulator/phone", Everyone),
        new("simulator-phone-own", "/simulator/phone/{UserId}", Everyone, (s, role) => $"/simulator/phone/{Uri.EscapeDataString(s.People[role])}"),
    ];
}

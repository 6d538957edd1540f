namespace Portal.Web.Features.Roles;

/// <summary>Configuration section <c>Roles:Demo</c>.</summary>
public sealed class DemoRolesOptions
{
    public const string SectionName = "Roles:Demo";

    /// <summary>
    /// Give the demo organisation editors and approvers (rules on the built-in roles) once it is
    /// imported, while those roles have never had rules. Only ever in Development with DingTalk in
    /// Simulator mode.
    /// </summary>
    public bool WhenEmpty { get; set; }
}

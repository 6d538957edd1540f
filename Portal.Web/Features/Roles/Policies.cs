using Microsoft.AspNetCore.Authorization;
using Portal.Domain.Audiences;

namespace Portal.Web.Features.Roles;

/// <summary>The authorization policies pages and endpoints declare; one per built-in role.</summary>
public static class Policies
{
    public const string Employee = "employee";
    public const string Editor = "editor";
    public const string Approver = "approver";
    public const string Admin = "admin";

    public static void Add(AuthorizationOptions options)
    {
        foreach (var role in Role.BuiltIn)
        {
            options.AddPolicy(role, policy => policy.RequireAuthenticatedUser().AddRequirements(new RoleRequirement(role)));
        }

        options.DefaultPolicy = options.GetPolicy(Employee)!;
    }
}

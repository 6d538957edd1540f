using Microsoft.AspNetCore.Authorization;
using Portal.Web.Features.Content.Editing.Files;

namespace Portal.Web.Features.Content.Editing;

public static class EditingSetup
{
    public static IServiceCollection AddContentEditing(this IServiceCollection services)
    {
        services.AddOptions<ContentFileOptions>().BindConfiguration(ContentFileOptions.SectionName)
            .Validate(o => o.MaxCoverBytes > 0 && o.MaxAttachmentBytes > 0 && o.MaxAttachments > 0,
                "Content:Files:MaxCoverBytes, MaxAttachmentBytes and MaxAttachments must be positive.")
            .ValidateOnStart();
        services.AddSingleton<IAuthorizationHandler, AnyRoleRequirementHandler>();
        services.Configure<AuthorizationOptions>(NewsroomPolicy.Add);
        services.AddSingleton<LocalTimes>();
        services.AddScoped<SaveDraft>();
        services.AddScoped<SubmitArticle>();
        services.AddScoped<ApproveArticle>();
        services.AddScoped<RejectArticle>();
        services.AddScoped<ReviseArticle>();
        services.AddScoped<ArchiveArticle>();
        services.AddScoped<DeleteArticle>();
        services.AddScoped<UploadContentFile>();
        services.AddScoped<RemoveContentFile>();

        return services;
    }

    public static IEndpointRouteBuilder MapContentEditing(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ContentFileEndpoint.PathPrefix + "{Id:guid}", ContentFileEndpoint.HandleAsync).RequireAuthorization();
        return endpoints;
    }
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Portal.Domain.Integration;
using Portal.Web.Features.Integration.Admin;
using Portal.Web.Features.Integration.Api;
using Portal.Web.Features.Integration.Keys;
using Portal.Web.Features.Integration.OpenApi;
using Portal.Web.Features.Integration.Todos;
using Portal.Web.Infrastructure.Http;

namespace Portal.Web.Features.Integration;

public static class IntegrationSetup
{
    private const string RatePolicy = "integration-client";

    public static IServiceCollection AddPortalIntegration(this IServiceCollection services)
    {
        services.AddOptions<IntegrationOptions>().BindConfiguration(IntegrationOptions.SectionName)
            .Validate(o => o.RequestsPerMinute > 0, "Integration:RequestsPerMinute must be positive.")
            .Validate(o => o.MaxBodyBytes >= 1024, "Integration:MaxBodyBytes must be at least 1024.")
            .Validate(o => o.MaxBatchBodyBytes >= o.MaxBodyBytes, "Integration:MaxBatchBodyBytes must be at least Integration:MaxBodyBytes.")
            .Validate(o => o.FailedKeysPerMinute > 0, "Integration:FailedKeysPerMinute must be positive.")
            .Validate(o => o.WebhookAllowedNetworks.All(n => ForwardedHeadersSetup.TryParse(n.Trim(), out _)), "Integration:WebhookAllowedNetworks must list IP addresses or networks such as 10.20.0.0/16.")
            .ValidateOnStart();
        services.AddOptions<DemoClientOptions>().BindConfiguration(DemoClientOptions.SectionName)
            .Validate(
                o => string.IsNullOrWhiteSpace(o.Key) || o.Key.Trim().Length is >= DemoClientOptions.MinKeyLength and <= IntegrationKeys.MaxLength,
                $"Integration:DemoClient:Key must be {DemoClientOptions.MinKeyLength} to {IntegrationKeys.MaxLength} characters.")
            .Validate(
                o => string.IsNullOrWhiteSpace(o.WebhookUrl) || WebhookUrls.IsAllowed(o.WebhookUrl.Trim(), development: true),
                "Integration:DemoClient:WebhookUrl must be an absolute http or https address.")
            .ValidateOnStart();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, IntegrationKeyHandler>(IntegrationClaims.Scheme, null);
        services.Configure<AuthorizationOptions>(IntegrationPolicies.Add);
        services.AddRateLimiter(limiter => limiter.AddPerMinute(
            RatePolicy,
            context => context.User.IntegrationClientId()?.ToString("D") ?? "unknown",
            provider => provider.GetRequiredService<IOptionsMonitor<IntegrationOptions>>().CurrentValue.RequestsPerMinute));
        services.AddSingleton<FailedKeys>();
        services.AddIntegrationOpenApi();
        services.AddScoped<CreateContent>();
        services.AddSingleton<TodoViews>();
        services.AddScoped<UpsertTodo>();
        services.AddScoped<UpsertTodoBatch>();
        services.AddScoped<CancelTodo>();
        services.AddScoped<IssueIntegrationClient>();
        services.AddScoped<ChangeIntegrationScopes>();
        services.AddScoped<RevokeIntegrationClient>();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookTargets>();
        services.AddScoped<SetIntegrationWebhook>();
        services.AddScoped<GenerateWebhookSecret>();
        services.AddScoped<SetIntegrationClientEnabled>();
        return services;
    }

    /// <summary>In Development with the simulator, the configured demo client; elsewhere nothing.</summary>
    public static Task SeedDemoIntegrationClientAsync(this IServiceProvider services, CancellationToken cancellationToken = default) =>
        DemoIntegrationClient.SeedAsync(services, cancellationToken);

    private static void ForClients(RouteHandlerBuilder route, string scope = IntegrationClient.ContentWrite) =>
        route.RequireAuthorization(IntegrationPolicies.For(scope)).RequireRateLimiting(RatePolicy).DisableAntiforgery();

    public static IEndpointRouteBuilder MapIntegrationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ForClients(endpoints.MapPost(ContentEndpoints.Path, ContentEndpoints.CreateAsync).WithName("CreateContent")
            .Describe<ContentBody>("Create a news item or notice; publish it when the key may").ProducesProblem(StatusCodes.Status422UnprocessableEntity));
        ForClients(endpoints.MapGet(ContentEndpoints.Path + "/{id}", ContentEndpoints.GetAsync).WithName("GetContent")
            .Problems("Where an item created by this client stands"));
        ForClients(endpoints.MapPost(TodoEndpoints.Path + "/batch", TodoEndpoints.BatchAsync).WithName("UpsertTodoBatch")
            .Describe<TodoBatchBody>("Create or update up to 1000 to-dos; one result per item"), IntegrationClient.TodosWrite);
        ForClients(endpoints.MapPut(TodoEndpoints.Path + "/{externalId}", TodoEndpoints.PutAsync).WithName("UpsertTodo")
            .Describe<TodoBody>("Create or update a to-do by its external id; the same body twice changes nothing").ProducesProblem(StatusCodes.Status409Conflict), IntegrationClient.TodosWrite);
        ForClients(endpoints.MapGet(TodoEndpoints.Path + "/{externalId}", TodoEndpoints.GetAsync).WithName("GetTodo")
            .Problems("A to-do's status and decision"), IntegrationClient.TodosWrite);
        ForClients(endpoints.MapDelete(TodoEndpoints.Path + "/{externalId}", TodoEndpoints.DeleteAsync).WithName("CancelTodo")
            .Problems("Cancel a pending to-do; idempotent"), IntegrationClient.TodosWrite);
        endpoints.MapIntegrationOpenApi();
        return endpoints;
    }
}

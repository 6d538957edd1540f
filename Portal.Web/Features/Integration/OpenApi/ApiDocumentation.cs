using System.Reflection;
using Portal.Web.Infrastructure.Security;
using Microsoft.OpenApi;

namespace Portal.Web.Features.Integration.OpenApi;

/// <summary>
/// The integration API described for integrators: the OpenAPI document at <c>/openapi/v1.json</c>
/// (only the <c>/api/v1</c> routes) and a reference page at <c>/api/docs</c> that renders it without
/// any outside script.
/// </summary>
public static class ApiDocumentation
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string ReferencePath = "/api/docs";

    public static IServiceCollection AddIntegrationOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Portal integration API",
                    Version = "v1",
                    Description = "For OA, ERP and HR systems: send `Authorization: Bearer <key>`. Errors are RFC 7807 problems with a stable `code` and the offending `field`.",
                };
                return Task.CompletedTask;
            });
        });

    public static IEndpointRouteBuilder MapIntegrationOpenApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        endpoints.MapGet(ReferencePath, ReferencePage).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>
    /// Declares a body read by hand, and the problems every integration route may answer. The body goes
    /// into the document only: accepts-metadata would make routing refuse other media types before the
    /// endpoint can answer its own 415 problem.
    /// </summary>
    public static RouteHandlerBuilder Describe<TBody>(this RouteHandlerBuilder route, string summary)
        where TBody : notnull =>
        route.Problems(summary)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
            {
                var name = typeof(TBody).Name;
                var schema = await context.GetOrCreateSchemaAsync(typeof(TBody), null, cancellationToken);
                context.Document!.AddComponent(name, schema);
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = new OpenApiSchemaReference(name, context.Document) } },
                };
            });

    public static RouteHandlerBuilder Problems(this RouteHandlerBuilder route, string summary) =>
        route.WithSummary(summary).WithTags("v1")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    // The page's one script runs under the Content-Security-Policy by this request's nonce.
    private static IResult ReferencePage(HttpContext context)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ApiReference.html")
            ?? throw new InvalidOperationException("The API reference page is not embedded.");
        using var reader = new StreamReader(stream);
        var html = reader.ReadToEnd().Replace("<script>", $"<script nonce=\"{SecurityHeaders.Nonce(context)}\">", StringComparison.Ordinal);
        return Results.Content(html, "text/html; charset=utf-8");
    }
}

using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace Portal.Web.Infrastructure.Http;

public static class ErrorHandling
{
    /// <summary>
    /// Machine endpoints (APIs, DingTalk callbacks, sign-in exchanges) answer every failure as problem
    /// JSON; pages show the localized error and not-found pages. Exception details never leave the server.
    /// A request the framework itself refused (unreadable body, missing antiforgery token) is the
    /// caller's error, answered with its own 4xx, not a 500.
    /// </summary>
    public static WebApplication UsePortalErrorHandling(this WebApplication app)
    {
        // Outer handlers serve pages; the machine-endpoint branch below is inner, so it answers first.
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseWhen(context => IsMachineEndpoint(context.Request.Path), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = context => ForException(context).ExecuteAsync(context) });
            api.UseStatusCodePages(context =>
            {
                var status = context.HttpContext.Response.StatusCode;
                var phrase = ReasonPhrases.GetReasonPhrase(status);
                return Problems.Create(status, "http-" + status, phrase.Length > 0 ? phrase : "Error").ExecuteAsync(context.HttpContext);
            });
        });
        return app;
    }

    public static bool IsMachineEndpoint(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/dingtalk") || path.StartsWithSegments("/auth")
        || path.StartsWithSegments("/_dingtalk") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/culture");

    private static IResult ForException(HttpContext context) =>
        context.Features.Get<IExceptionHandlerFeature>()?.Error switch
        {
            BadHttpRequestException { InnerException: AntiforgeryValidationException } =>
                Problems.BadRequest("antiforgery-failed", "The form's antiforgery token is missing or invalid", "Reload the page and submit the form again."),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                Problems.Create(StatusCodes.Status413PayloadTooLarge, "body-too-large", "Request body too large"),
            BadHttpRequestException bad when bad.StatusCode is >= 400 and < 500 =>
                Problems.Create(bad.StatusCode, "bad-request", "The request could not be read", "Check the body's format and the parameters' types."),
            _ => Problems.Create(StatusCodes.Status500InternalServerError, "internal-error", "Something went wrong on our side"),
        };
}

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Portal.Web.Features.Integration.Api;

/// <summary>The integration API's RFC 7807 answers, in the same <c>type</c>/<c>code</c> shape as the portal's others.</summary>
public static class ApiProblems
{
    public const string TypePrefix = "urn:portal:problem:";

    public static ProblemHttpResult Create(int status, string code, string title, string? detail = null, string? field = null)
    {
        var problem = new ProblemDetails { Type = TypePrefix + code, Title = title, Detail = detail, Status = status };
        problem.Extensions["code"] = code;
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }

        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult TooLarge(int limit) =>
        Create(StatusCodes.Status413PayloadTooLarge, "body-too-large", "Request body too large", $"The body may be at most {limit} bytes.");

    public static ProblemHttpResult NotJson() =>
        Create(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "The body must be JSON", "Send Content-Type: application/json.");

    public static ProblemHttpResult BadIdempotencyKey() =>
        Create(StatusCodes.Status400BadRequest, "invalid-idempotency-key", "The Idempotency-Key header is not valid",
            $"Use 1 to {Domain.Integration.IntegrationRequest.MaxKeyLength} visible ASCII characters.", "Idempotency-Key");

    public static ProblemHttpResult KeyReused() =>
        Create(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused", "The Idempotency-Key was used for a different request",
            "A retry must send the same body; a new request needs a new key.", "Idempotency-Key");

    public static ProblemHttpResult SendRefused(string detail) =>
        Create(StatusCodes.Status422UnprocessableEntity, "send-refused", "The DingTalk push would exceed the allowed calls", detail, "notify");

    public static ProblemHttpResult NotFound() =>
        Create(StatusCodes.Status404NotFound, "not-found", "No such item from this client");
}

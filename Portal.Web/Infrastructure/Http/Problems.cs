namespace Portal.Web.Infrastructure.Http;

/// <summary>
/// RFC 7807 answers with a stable machine-readable <c>type</c> and <c>code</c>, and the offending
/// field when there is one, so integrators can branch on them without parsing prose.
/// </summary>
public static class Problems
{
    public static IResult Create(int status, string code, string title, string? detail = null, string? field = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (field is not null)
        {
            extensions["field"] = field;
        }

        return Results.Problem(
            type: "urn:portal:problem:" + code,
            title: title,
            detail: detail,
            statusCode: status,
            extensions: extensions);
    }

    public static IResult BadRequest(string code, string title, string? detail = null, string? field = null) =>
        Create(StatusCodes.Status400BadRequest, code, title, detail, field);

    public static IResult Unauthorized(string code, string title, string? detail = null) =>
        Create(StatusCodes.Status401Unauthorized, code, title, detail);

    public static IResult NotFound(string code, string title, string? detail = null) =>
        Create(StatusCodes.Status404NotFound, code, title, detail);

    public static IResult TooLarge(long limit) =>
        Create(StatusCodes.Status413PayloadTooLarge, "body-too-large", "Request body too large", $"The body may be at most {limit} bytes.");
}

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Portal.Web.Features.Integration.Api;

/// <summary>
/// What is wrong with a request, by JSON path (<c>audience.departments[1]</c>), each with a stable
/// code. They become one 400 problem whose <c>code</c> and <c>field</c> name the first.
/// </summary>
public sealed class RequestErrors
{
    private readonly List<(string Path, string Code, string Message)> errors = [];

    public bool Any => errors.Count > 0;

    public int Count => errors.Count;

    public IReadOnlyList<(string Path, string Code, string Message)> Items => errors;

    public void Add(string path, string code, string message) => errors.Add((path, code, message));

    public ProblemHttpResult ToProblem()
    {
        var (path, code, message) = errors[0];
        var problem = new ProblemDetails
        {
            Type = ApiProblems.TypePrefix + code,
            Title = "The request is not valid",
            Detail = message,
            Status = StatusCodes.Status400BadRequest,
        };
        problem.Extensions["code"] = code;
        problem.Extensions["field"] = path;
        problem.Extensions["errors"] = errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        problem.Extensions["codes"] = errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Code).Distinct().ToArray());
        return TypedResults.Problem(problem);
    }
}

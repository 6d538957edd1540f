using Portal.Domain.Todos;
using Portal.Web.Features.Integration.Api;

namespace Portal.Web.Features.Integration.Todos;

/// <summary>The caller's id of a to-do: 1 to 128 visible ASCII characters, so it survives a URL path and logs unchanged.</summary>
public static class TodoExternalId
{
    public static bool IsValid(string? externalId) =>
        externalId is { Length: > 0 and <= Todo.MaxExternalIdLength } && externalId.All(c => c is > ' ' and <= '~');

    public static void Check(string? externalId, string path, RequestErrors errors)
    {
        if (!IsValid(externalId))
        {
            errors.Add(path, "bad-external-id", $"{path} must be 1 to {Todo.MaxExternalIdLength} visible ASCII characters.");
        }
    }
}

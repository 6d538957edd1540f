using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Portal.DingTalk.Simulator.Http;
using Portal.DingTalk.Simulator.Org;

namespace Portal.DingTalk.Simulator.Endpoints;

internal sealed record OrganisationRequest(string? CorpName, IReadOnlyList<OrganisationDepartment>? Departments, IReadOnlyList<OrganisationPerson>? People);

/// <param name="ParentId">Null only for the root, whose id is 1.</param>
internal sealed record OrganisationDepartment(long Id, string Name, long? ParentId);

internal sealed record OrganisationPerson(string UserId, string Name, IReadOnlyList<long> DeptIds, string? Mobile = null, string? Title = null, bool Active = true);

internal sealed record OrganisationLoaded(int Departments, int People);

/// <summary>
/// <c>PUT /_dingtalk/_control/organisation</c>: replaces the generated organisation with a given one (its
/// inboxes start empty), so a test or a benchmark can hold the very people it has in its own directory.
/// </summary>
internal static class ControlOrganisationEndpoints
{
    public static void Map(IEndpointRouteBuilder control) => control.MapPut("/organisation", Replace);

    private static Results<Ok<OrganisationLoaded>, ProblemHttpResult> Replace(OrganisationRequest request, SimulatorRuntime simulator)
    {
        var departments = request.Departments ?? [];
        var people = request.People ?? [];
        if (Invalid(departments, people) is { } problem)
        {
            return ControlEndpoints.Problem(StatusCodes.Status400BadRequest, problem.Code, problem.Detail);
        }

        var data = new OrganisationData
        {
            CorpName = string.IsNullOrWhiteSpace(request.CorpName) ? DemoBlueprint.CorpName : request.CorpName,
            NextSequence = people.Count,
            Departments = [.. departments.Select((d, index) => new SimDepartment { Id = d.Id, Name = d.Name, ParentId = d.ParentId, Order = index, AutoAddUser = true })],
            Users = [.. people.Select((p, index) => Person(p, index + 1))],
        };
        simulator.State.Replace(data, newSeed: 0);
        return TypedResults.Ok(new OrganisationLoaded(data.Departments.Count, data.Users.Count));
    }

    private static SimUser Person(OrganisationPerson person, int sequence) => new()
    {
        UserId = person.UserId,
        UnionId = RandomIds.UnionId(),
        Name = person.Name,
        Mobile = person.Mobile ?? string.Create(CultureInfo.InvariantCulture, $"170{sequence:D8}"),
        Title = person.Title,
        Active = person.Active,
        RealAuthed = person.Active,
        Sequence = sequence,
        DeptIds = [.. person.DeptIds.Distinct()],
        DeptOrders = person.DeptIds.Distinct().ToDictionary(id => id, _ => (long)sequence),
    };

    private static (string Code, string Detail)? Invalid(IReadOnlyList<OrganisationDepartment> departments, IReadOnlyList<OrganisationPerson> people)
    {
        var byId = new Dictionary<long, OrganisationDepartment>();
        foreach (var department in departments)
        {
            if (!byId.TryAdd(department.Id, department) || string.IsNullOrWhiteSpace(department.Name))
            {
                return ("invalidDepartment", $"department {department.Id} is repeated or has no name.");
            }
        }

        if (!byId.TryGetValue(Organisation.RootId, out var root) || root.ParentId is not null)
        {
            return ("invalidDepartment", "the root department (id 1, no parentId) is required.");
        }

        // Every department reaches the root through known parents (no loops).
        foreach (var department in departments)
        {
            var current = department;
            for (var steps = 0; current.ParentId is { } parent; steps++)
            {
                if (steps > departments.Count || !byId.TryGetValue(parent, out current!))
                {
                    return ("invalidDepartment", $"department {department.Id} does not reach the root.");
                }
            }

            if (current.Id != Organisation.RootId)
            {
                return ("invalidDepartment", $"department {department.Id} does not reach the root.");
            }
        }

        if (people.Count is < 1 or > SimulatorOptions.MaxPeople)
        {
            return ("invalidPeople", $"people must be between 1 and {SimulatorOptions.MaxPeople}.");
        }

        var userIds = new HashSet<string>(StringComparer.Ordinal);
        var mobiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var person in people)
        {
            if (string.IsNullOrWhiteSpace(person.UserId) || !userIds.Add(person.UserId) || string.IsNullOrWhiteSpace(person.Name))
            {
                return ("invalidPerson", $"person '{person.UserId}' is repeated or lacks a userId or name.");
            }

            if (person.Mobile is { } mobile && !mobiles.Add(mobile))
            {
                return ("invalidPerson", $"mobile {mobile} of '{person.UserId}' is repeated.");
            }

            if (person.DeptIds is not { Count: > 0 } || person.DeptIds.Any(id => !byId.ContainsKey(id)))
            {
                return ("invalidPerson", $"person '{person.UserId}' must be in at least one known department.");
            }
        }

        return null;
    }
}

using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.People;
using Portal.Web.Features.Integration;
using Portal.Web.Features.Integration.Todos;
using Portal.Web.Infrastructure.Time;

namespace Portal.Web.Features.Demo;

/// <summary>
/// The demo OA system's approval requests, sent as the demo client demo-oa through the to-do API's own
/// upsert: checked, assigned, announced in DingTalk and mirrored like any client's. Each is sent once;
/// a restart finds its external id taken and sends nothing again, whatever became of it since.
/// </summary>
public sealed partial class DemoTodos(IDbContextFactory<PortalDb> dbFactory, UpsertTodo upsert, PortalClock clock, TimeProvider time, ILogger<DemoTodos> logger)
{
    /// <returns>How many to-dos it created (0 without the demo client or once all were sent).</returns>
    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var clientId = await db.IntegrationClients.Where(c => c.Name == DemoClientOptions.ClientName).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
        if (clientId is null)
        {
            return 0;
        }

        var sent = (await db.Todos.Where(t => t.ClientId == clientId).Select(t => t.ExternalId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var today = clock.ToLocal(time.GetUtcNow());
        var created = 0;
        foreach (var (request, index) in DemoTodoRequests.All.Select((r, i) => (r, i)).Where(x => !sent.Contains(x.r.ExternalId)))
        {
            var unit = await db.Departments.Where(d => d.Name == request.Unit).OrderBy(d => d.Id).Select(d => (long?)d.Id).FirstOrDefaultAsync(cancellationToken);
            if (unit is null)
            {
                continue;
            }

            var approver = await HeadOfAsync(db, request.ToCompanyHead ? Department.RootId : unit.Value, cancellationToken);
            var applicant = await ApplicantAsync(db, unit.Value, index, cancellationToken);
            if (approver is null || applicant is null)
            {
                continue;
            }

            var outcome = await upsert.RunAsync(clientId.Value, request.ExternalId, request.Body(approver, applicant, today), cancellationToken);
            if (outcome.Status == StatusCodes.Status201Created)
            {
                created++;
            }
            else if (outcome.Problem is { } problem)
            {
                LogRefused(logger, request.ExternalId, problem.ProblemDetails.Detail);
            }
        }

        return created;
    }

    private static Task<string?> HeadOfAsync(PortalDb db, long departmentId, CancellationToken cancellationToken) =>
        (from membership in db.PersonDepartments
         where membership.DepartmentId == departmentId && membership.IsLeader
         join person in db.People on membership.PersonId equals person.Id
         where person.Active
         orderby person.UserId
         select person.UserId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Someone of the unit who is not a leader; the index spreads the requests over different people.</summary>
    private static async Task<DemoApplicant?> ApplicantAsync(PortalDb db, long unitId, int index, CancellationToken cancellationToken)
    {
        var members = from closure in db.DepartmentClosures
                      where closure.AncestorId == unitId
                      join membership in db.PersonDepartments on closure.DescendantId equals membership.DepartmentId
                      where !membership.IsLeader
                      join person in db.People on membership.PersonId equals person.Id
                      where person.Active
                      join team in db.Departments on membership.DepartmentId equals team.Id
                      orderby person.UserId
                      select new DemoApplicant(person.Name, team.Name);
        return await members.Skip(index).FirstOrDefaultAsync(cancellationToken) ?? await members.FirstOrDefaultAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo to-do {ExternalId} was refused: {Detail}")]
    private static partial void LogRefused(ILogger logger, string externalId, string? detail);
}

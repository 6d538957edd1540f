using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Web.Features.Integration.Api;

namespace Portal.Web.Features.Integration.Todos;

/// <summary>
/// Active people by the identifiers callers name them with, looked up for a whole request (or a whole
/// batch) in one query per kind of identifier, so a batch of a thousand to-dos costs a few queries.
/// </summary>
public sealed class TodoAssignees
{
    private const int Chunk = 500;

    private readonly Dictionary<string, Dictionary<string, Guid>> byKind = new(StringComparer.Ordinal);

    public static async Task<TodoAssignees> LoadAsync(PortalDb db, IEnumerable<AssigneeRef> refs, CancellationToken cancellationToken)
    {
        var lookup = new TodoAssignees();
        var wanted = refs.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Select(r => r.Value).Distinct(StringComparer.Ordinal).ToList());
        foreach (var kind in new[] { "userId", "mobile", "jobNumber" })
        {
            var found = new Dictionary<string, Guid>(StringComparer.Ordinal);
            foreach (var values in (wanted.GetValueOrDefault(kind) ?? []).Chunk(Chunk))
            {
                var people = db.People.AsNoTracking().Where(p => p.Active);
                var rows = kind switch
                {
                    "userId" => await people.Where(p => values.Contains(p.UserId)).Select(p => new { Key = p.UserId, p.Id }).ToListAsync(cancellationToken),
                    "mobile" => await people.Where(p => values.Contains(p.Mobile!)).Select(p => new { Key = p.Mobile!, p.Id }).ToListAsync(cancellationToken),
                    _ => await people.Where(p => values.Contains(p.JobNumber!)).Select(p => new { Key = p.JobNumber!, p.Id }).ToListAsync(cancellationToken),
                };

                // A job number shared by two active people names neither: it stays unknown.
                foreach (var group in rows.GroupBy(r => r.Key, StringComparer.Ordinal).Where(g => g.Count() == 1))
                {
                    found[group.Key] = group.Single().Id;
                }
            }

            lookup.byKind[kind] = found;
        }

        return lookup;
    }

    /// <summary>The distinct person ids, or null with each unknown assignee named by its index and identifier.</summary>
    public List<Guid>? Resolve(IReadOnlyList<AssigneeRef> refs, string prefix, RequestErrors errors)
    {
        var ids = new List<Guid>();
        var before = errors.Count;
        for (var index = 0; index < refs.Count; index++)
        {
            var (kind, value) = (refs[index].Kind, refs[index].Value);
            if (byKind.GetValueOrDefault(kind)?.GetValueOrDefault(value) is { } id && id != Guid.Empty)
            {
                if (!ids.Contains(id))
                {
                    ids.Add(id);
                }
            }
            else
            {
                errors.Add($"{prefix}assignees[{index}].{kind}", "unknown-assignee", $"No active person with {kind} \"{value}\".");
            }
        }

        return errors.Count > before ? null : ids;
    }
}

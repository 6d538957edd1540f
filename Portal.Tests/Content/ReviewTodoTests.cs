using Portal.Domain.Content;
using Portal.Domain.Todos;

namespace Portal.Tests.Content;

/// <summary>An approver's review to-do closes once, with the first outcome; a withdrawn item decides nothing.</summary>
public sealed class ReviewTodoTests
{
    private static readonly DateTime Now = new(2026, 12, 14, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(ReviewOutcome.Approved, TodoStatus.Done, true)]
    [InlineData(ReviewOutcome.Rejected, TodoStatus.Done, true)]
    [InlineData(ReviewOutcome.Withdrawn, TodoStatus.Cancelled, false)]
    public void A_review_to_do_closes_with_the_first_outcome_only(ReviewOutcome outcome, TodoStatus status, bool decided)
    {
        var reviewer = Guid.NewGuid();
        var todo = new ReviewTodo(Guid.NewGuid(), Guid.NewGuid(), Now);

        todo.Close(outcome, reviewer, Now.AddMinutes(1));
        todo.Close(ReviewOutcome.Approved, Guid.NewGuid(), Now.AddMinutes(2));

        Assert.Equal((status, outcome, decided ? reviewer : (Guid?)null, Now.AddMinutes(1)), (todo.Status, todo.Outcome, todo.DecidedById, todo.DecidedAt));
    }
}

namespace Portal.Web.Features.Content.Editing;

/// <summary>
/// Input or access an editing action refuses before it touches the workflow; <see cref="Code"/> is
/// stable for callers and tests, <see cref="Field"/> names the input at fault when there is one.
/// </summary>
public sealed class EditingException : Exception
{
    public EditingException()
    {
        Code = "";
    }

    public EditingException(string message)
        : base(message)
    {
        Code = "";
    }

    public EditingException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "";
    }

    public EditingException(string code, string message, string? field = null)
        : base(message)
    {
        Code = code;
        Field = field;
    }

    public string Code { get; }

    public string? Field { get; }

    public static EditingException Forbidden() => new("forbidden", "Not allowed to do this with the item.");

    public static EditingException NotFound() => new("not-found", "No such item.");
}

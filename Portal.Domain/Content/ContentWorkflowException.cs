namespace Portal.Domain.Content;

/// <summary>An illegal move in the content workflow; <see cref="Code"/> is stable for callers and tests.</summary>
public sealed class ContentWorkflowException : Exception
{
    public ContentWorkflowException()
    {
        Code = "";
    }

    public ContentWorkflowException(string message)
        : base(message)
    {
        Code = "";
    }

    public ContentWorkflowException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "";
    }

    public ContentWorkflowException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public string Code { get; }
}

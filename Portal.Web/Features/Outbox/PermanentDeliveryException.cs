namespace Portal.Web.Features.Outbox;

/// <summary>
/// Thrown by a handler when trying again cannot help (the receiver refused the message itself): the
/// relay dead-letters the message at once instead of spending its retries, so an admin sees it now.
/// </summary>
public sealed class PermanentDeliveryException : Exception
{
    public PermanentDeliveryException()
    {
    }

    public PermanentDeliveryException(string message)
        : base(message)
    {
    }

    public PermanentDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace Portal.DingTalk.Simulator.Http;

/// <summary>
/// A refusal as DingTalk words it: an oapi <c>errcode</c>, or on the api host an HTTP status with a
/// code string. Thrown anywhere inside a simulated call and turned into the host's envelope.
/// </summary>
internal sealed class SimulatedError : Exception
{
    public SimulatedError()
    {
    }

    public SimulatedError(string message)
        : base(message)
    {
    }

    public SimulatedError(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SimulatedError(int errCode, string message)
        : base(message)
    {
        ErrCode = errCode;
    }

    public SimulatedError(int status, string code, string message)
        : base(message)
    {
        Status = status;
        Code = code;
    }

    public int ErrCode { get; } = 40035;

    public int Status { get; } = 400;

    public string Code { get; } = "invalidParameter";
}

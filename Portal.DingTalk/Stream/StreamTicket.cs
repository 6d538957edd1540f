namespace Portal.DingTalk.Stream;

/// <summary>A gateway endpoint and the single-use ticket to connect to it.</summary>
internal sealed class StreamTicket(string endpoint, string ticket)
{
    public string Endpoint { get; } = endpoint;

    public Uri ConnectUri { get; } = new(endpoint + (endpoint.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "ticket=" + Uri.EscapeDataString(ticket));

    public string Ticket { get; } = ticket;

    // The ticket grants a connection; keep it out of anything that formats this object.
    public override string ToString() => Endpoint;
}

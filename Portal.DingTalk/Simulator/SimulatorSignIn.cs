using Portal.DingTalk.Simulator.State;

namespace Portal.DingTalk.Simulator;

/// <summary>
/// What the portal's development sign-in needs from the simulator: who can sign in, and a 免登 code for
/// one of them, which the portal then exchanges through the real client like any DingTalk code.
/// </summary>
public sealed class SimulatorSignIn
{
    /// <summary>
    /// The cookie naming whom a browser plays DingTalk for: the JSAPI shim answers 免登 as that person.
    /// A browser without it is no simulated DingTalk client, whatever its user agent says.
    /// </summary>
    public const string DeviceCookie = "dingtalk-sim-user";

    private readonly SimulatorRuntime simulator;

    internal SimulatorSignIn(SimulatorRuntime simulator) => this.simulator = simulator;

    public IReadOnlyList<SimulatedPerson> People(string? search, int take) =>
        simulator.State.Read(org => org.Users
            .Where(u => string.IsNullOrWhiteSpace(search) || u.Name.Contains(search, StringComparison.Ordinal) || u.UserId.Contains(search, StringComparison.OrdinalIgnoreCase))
            .Take(take)
            .Select(u => new SimulatedPerson(u.UserId, u.UnionId, u.Name, u.Title, null, u.Active))
            .ToList());

    /// <returns>A single-use code valid five minutes, or null when nobody has that userId.</returns>
    public string? IssueCode(string userId) =>
        simulator.State.Read(org => org.User(userId)) is null ? null : simulator.Credentials.IssueAuthCode(userId, AuthCodeKind.Sso);
}

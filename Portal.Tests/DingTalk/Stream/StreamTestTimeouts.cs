namespace Portal.Tests.DingTalk.Stream;

internal static class StreamTestTimeouts
{
    /// <summary>Upper bound for anything a test waits on; generous because the build machine is shared.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
}

namespace Portal.DingTalk.Stream;

/// <summary>The <c>type</c> of a Stream frame.</summary>
public static class StreamFrameTypes
{
    public const string System = "SYSTEM";
    public const string Event = "EVENT";
    public const string Callback = "CALLBACK";
}

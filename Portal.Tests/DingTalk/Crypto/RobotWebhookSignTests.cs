using Portal.DingTalk.Crypto;

namespace Portal.Tests.DingTalk.Crypto;

/// <summary>Vector of the reference, section 5.</summary>
public sealed class RobotWebhookSignTests
{
    private const string Secret = "SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd";

    [Fact]
    public void Reference_vector_matches()
    {
        Assert.Equal("8SZas7RY4E7wuOlgLfjLwHSKZpyUEdXdLvFYSDZiiFw=", RobotWebhookSign.ComputeBase64(Secret, 1700000000000));
        Assert.Equal("8SZas7RY4E7wuOlgLfjLwHSKZpyUEdXdLvFYSDZiiFw%3D", RobotWebhookSign.Sign(Secret, 1700000000000));
    }

    [Fact]
    public void Plus_and_slash_are_encoded_once()
    {
        for (var timestamp = 1700000000000L; timestamp < 1700000000200L; timestamp++)
        {
            var raw = RobotWebhookSign.ComputeBase64(Secret, timestamp);
            var sign = RobotWebhookSign.Sign(Secret, timestamp);

            Assert.Equal(raw.Replace("+", "%2B", StringComparison.Ordinal).Replace("/", "%2F", StringComparison.Ordinal).Replace("=", "%3D", StringComparison.Ordinal), sign);
            Assert.Equal(raw, Uri.UnescapeDataString(sign));
        }
    }
}

namespace Portal.DingTalk.Crypto;

/// <summary>The parts of a decrypted callback payload.</summary>
/// <param name="Message">The event JSON (or any message) that was encrypted.</param>
/// <param name="OwnerKey">The trailing key found in the plaintext; one of the accepted owner keys.</param>
/// <param name="Random">The 16 random bytes that prefix the plaintext.</param>
public sealed record DecryptedCallback(string Message, string OwnerKey, ReadOnlyMemory<byte> Random);

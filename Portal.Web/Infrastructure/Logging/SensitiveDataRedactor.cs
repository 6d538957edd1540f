using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace Portal.Web.Infrastructure.Logging;

/// <summary>
/// Last line of defence: whatever a log call carries, tokens, secrets, bearer and integration keys,
/// auth codes and mobile numbers are masked before any sink sees them.
/// </summary>
public sealed partial class SensitiveDataRedactor : ILogEventEnricher
{
    public const string Mask = "***";

    private static readonly string[] SensitiveNameParts =
        ["token", "secret", "password", "authcode", "mobile", "phone", "authorization", "apikey", "aeskey", "cookie", "ticket"];

    private static readonly HashSet<string> SensitiveNames = new(StringComparer.OrdinalIgnoreCase) { "code", "key", "signature" };

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToArray())
        {
            var redacted = IsSensitiveName(name) ? new ScalarValue(Mask) : Redact(value);
            if (!ReferenceEquals(redacted, value))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, redacted));
            }
        }
    }

    public static bool IsSensitiveName(string name) =>
        SensitiveNames.Contains(name) || SensitiveNameParts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase));

    public static string RedactText(string text)
    {
        var result = SensitiveQueryParameter().Replace(text, match => $"{match.Groups[1].Value}={Mask}");
        result = BearerCredential().Replace(result, match => match.Groups[1].Value + Mask);
        result = IntegrationKey().Replace(result, Mask);
        return MobileNumber().Replace(result, Mask);
    }

    private static LogEventPropertyValue Redact(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string text } when RedactText(text) is var clean && clean != text => new ScalarValue(clean),
        SequenceValue sequence => RedactSequence(sequence),
        StructureValue structure => RedactStructure(structure),
        DictionaryValue dictionary => RedactDictionary(dictionary),
        _ => value,
    };

    private static SequenceValue RedactSequence(SequenceValue sequence)
    {
        var elements = sequence.Elements.Select(Redact).ToArray();
        return elements.SequenceEqual(sequence.Elements) ? sequence : new SequenceValue(elements);
    }

    private static StructureValue RedactStructure(StructureValue structure)
    {
        var properties = structure.Properties
            .Select(p => IsSensitiveName(p.Name) ? new LogEventProperty(p.Name, new ScalarValue(Mask)) : new LogEventProperty(p.Name, Redact(p.Value)))
            .ToArray();
        return properties.Select(p => p.Value).SequenceEqual(structure.Properties.Select(p => p.Value))
            ? structure
            : new StructureValue(properties, structure.TypeTag);
    }

    private static DictionaryValue RedactDictionary(DictionaryValue dictionary)
    {
        var elements = dictionary.Elements
            .Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>(
                e.Key,
                e.Key.Value is string key && IsSensitiveName(key) ? new ScalarValue(Mask) : Redact(e.Value)))
            .ToArray();
        return elements.Select(e => e.Value).SequenceEqual(dictionary.Elements.Select(e => e.Value)) ? dictionary : new DictionaryValue(elements);
    }

    [GeneratedRegex(@"\b(access_token|accessToken|appsecret|appSecret|client_secret|clientSecret|code|authCode|ticket|jsapi_ticket|signature|msg_signature|refreshToken|refresh_token|password|key)=[^&\s""']*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SensitiveQueryParameter();

    // "Authorization: Bearer <token>" as a header dump or an exception message prints it.
    [GeneratedRegex(@"\b(Bearer\s+)[^\s,;""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BearerCredential();

    // An integration key wherever it appears, even without the Bearer in front of it.
    [GeneratedRegex(@"\bptl_[A-Za-z0-9_-]{8,}", RegexOptions.CultureInvariant)]
    private static partial Regex IntegrationKey();

    // Mainland mobile numbers, with or without +86; a longer digit run (an id, a timestamp) is left alone.
    [GeneratedRegex(@"(?<![\d])(?:\+?86[- ]?)?1[3-9]\d{9}(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex MobileNumber();
}

using Microsoft.Extensions.Options;

namespace Portal.Tests.Infrastructure;

public static class Errors
{
    /// <summary>Every message of an exception chain, validation failures included, for asserting on start-up errors.</summary>
    public static string Flatten(Exception error)
    {
        var messages = new List<string>();
        for (var current = error; current is not null; current = current.InnerException)
        {
            messages.Add(current.Message);
            if (current is OptionsValidationException validation)
            {
                messages.AddRange(validation.Failures);
            }

            if (current is AggregateException aggregate)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(Flatten));
            }
        }

        return string.Join(" | ", messages);
    }
}

using System.Text.Json;
using Portal.Domain.Content;
using Portal.Web.Infrastructure.Html;

namespace Portal.Web.Features.Integration.Api;

/// <summary>
/// Turns a request body into a <see cref="ContentRequest"/>, or into errors that name each offending
/// field by its JSON path. Never throws on what a caller sends. The body comes back sanitized.
/// </summary>
public static class ContentRequestReader
{
    public const int MaxTitle = 200;
    public const int MaxSummary = 500;

    public static ContentRequest? Read(byte[] body, DateTime now, RequestErrors errors)
    {
        using var document = JsonBody.ParseObject(body, errors);
        return document is null ? null : Read(new JsonFields(document.RootElement, "", errors), now, errors);
    }

    private static ContentRequest? Read(JsonFields fields, DateTime now, RequestErrors errors)
    {
        var kind = Kind(fields, errors);
        var title = Text(fields, "title", MaxTitle, required: true, errors);
        var summary = Text(fields, "summary", MaxSummary, required: false, errors);
        var body = Body(fields, errors);
        var audience = Audience(fields, errors);
        var publish = fields.Bool("publish", required: true);
        var notify = fields.Bool("notify", required: true);
        var acknowledgement = fields.Bool("requireAcknowledgement", required: false) ?? false;
        var publishAt = fields.Time("publishAt", now, "wrong-type");
        if (acknowledgement && kind == ContentKind.News)
        {
            errors.Add("requireAcknowledgement", "acknowledgement-on-news", "Only notices ask for acknowledgement.");
        }

        if (publishAt is { } at && at <= now)
        {
            errors.Add("publishAt", "publish-at-in-past", "publishAt must be in the future; leave it out to publish now.");
        }

        if (errors.Any || kind is null || title is null || body is null || audience is null || publish is null || notify is null)
        {
            return null;
        }

        return new ContentRequest(kind.Value, title, summary, body, audience, publish.Value, notify.Value, acknowledgement, publishAt);
    }

    private static ContentKind? Kind(JsonFields fields, RequestErrors errors)
    {
        var kind = fields.Text("kind", required: true);
        switch (kind?.ToUpperInvariant())
        {
            case null:
                return null;
            case "NEWS":
                return ContentKind.News;
            case "NOTICE":
                return ContentKind.Notice;
            default:
                errors.Add("kind", "unknown-kind", "kind must be \"news\" or \"notice\".");
                return null;
        }
    }

    private static string? Text(JsonFields fields, string name, int maxLength, bool required, RequestErrors errors)
    {
        var text = fields.Text(name, required)?.Trim();
        if (text is null)
        {
            return null;
        }

        if (text.Length == 0)
        {
            if (required)
            {
                errors.Add(name, "required", $"{name} must not be empty.");
            }

            return null;
        }

        if (text.Length > maxLength)
        {
            errors.Add(name, "too-long", $"{name} may be at most {maxLength} characters; it has {text.Length}.");
            return null;
        }

        return text;
    }

    private static string? Body(JsonFields fields, RequestErrors errors)
    {
        var html = fields.Text("body", required: true);
        if (html is null)
        {
            return null;
        }

        var clean = HtmlSanitizer.Sanitize(html);
        if (clean.Trim().Length == 0)
        {
            errors.Add("body", "required", "body is empty once unsafe markup is removed.");
            return null;
        }

        return clean;
    }

    private static AudienceRequest? Audience(JsonFields fields, RequestErrors errors)
    {
        var audience = fields.Child("audience");
        if (audience is null)
        {
            if (!fields.Has("audience"))
            {
                errors.Add("audience", "empty-audience", "Name who the item is for: everyone, departments, roles or users.");
            }

            return null;
        }

        var before = errors.Count;
        var everyone = audience.Bool("everyone", required: false) ?? false;
        var departments = audience.Ids("departments", "a department id (a positive integer)");
        var subdepartments = audience.Bool("includeSubdepartments", required: false) ?? true;
        var roles = audience.Strings("roles", "a role key (a string)");
        var users = audience.Strings("users", "a DingTalk userId (a string)");
        var empty = !everyone && departments.Count == 0 && roles.Count == 0 && users.Count == 0;
        if (empty && errors.Count == before)
        {
            errors.Add("audience", "empty-audience", "The audience names no one: set everyone, or list departments, roles or users.");
        }

        return empty ? null : new AudienceRequest(everyone, departments, subdepartments, roles, users);
    }
}

using Microsoft.Extensions.Localization;
using Portal.Domain.Content;
using Portal.Web.Resources;

namespace Portal.Web.Features.Content.Editing;

/// <summary>What a refused action tells the editor, in their language, by the refusal's stable code.</summary>
public static class EditingErrors
{
    public static bool IsRefusal(Exception exception) => exception is EditingException or ContentWorkflowException;

    public static string Message(IStringLocalizer<ContentText> text, Exception exception)
    {
        var code = exception switch
        {
            EditingException e => e.Code,
            ContentWorkflowException e => e.Code,
            _ => "",
        };
        var message = text["Error_" + code];
        return message.ResourceNotFound ? text["Error_Other"] : message;
    }
}

using MudBlazor;

namespace Portal.Web.Components.Shared;

public static class Confirmations
{
    /// <summary>Asks a yes/no question in a dialog; true only when the person chose <paramref name="ok"/>.</summary>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string message, string title, string ok, string cancel, bool destructive = false)
    {
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { d => d.Message, message },
            { d => d.OkText, ok },
            { d => d.CancelText, cancel },
            { d => d.Destructive, destructive },
        };
        var dialog = await dialogs.ShowAsync<ConfirmDialog>(title, parameters);
        return await dialog.Result is { Canceled: false };
    }
}

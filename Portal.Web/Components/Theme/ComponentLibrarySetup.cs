using MudBlazor;
using MudBlazor.Services;

namespace Portal.Web.Components.Theme;

public static class ComponentLibrarySetup
{
    public static IServiceCollection AddPortalComponentLibrary(this IServiceCollection services)
    {
        services.AddMudServices(options =>
        {
            // The bottom of a phone's screen belongs to the tab bar: messages come in at the top.
            options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.TopCenter;
            options.SnackbarConfiguration.PreventDuplicates = true;
            options.SnackbarConfiguration.ShowCloseIcon = false;
            options.SnackbarConfiguration.VisibleStateDuration = 3000;
            options.SnackbarConfiguration.SnackbarVariant = Variant.Filled;
        });
        return services;
    }
}

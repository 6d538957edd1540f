using MudBlazor;

namespace Portal.Web.Components.Theme;

/// <summary>
/// The one theme of the portal: the palette of app.css's <c>--portal-*</c> variables, the system font
/// stack (no web font is ever fetched) and the density of DingTalk's own pages on a 375 px phone.
/// </summary>
public static class PortalTheme
{
    /// <summary>The same stack as <c>--portal-font</c> in app.css, Chinese faces before the Latin fallbacks.</summary>
    public static readonly string[] FontStack =
    [
        "-apple-system", "BlinkMacSystemFont", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
        "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Segoe UI", "Helvetica Neue", "Arial", "sans-serif",
    ];

    public static readonly MudTheme Instance = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1677ff",
            Secondary = "#646a73",
            Info = "#1677ff",
            Success = "#00b42a",
            Warning = "#d46b08",
            Error = "#f54a45",
            TextPrimary = "#1f2329",
            TextSecondary = "#646a73",
            Background = "#f5f6f7",
            BackgroundGray = "#f5f6f7",
            Surface = "#ffffff",
            AppbarBackground = "#ffffff",
            AppbarText = "#1f2329",
            LinesDefault = "#e5e6eb",
            LinesInputs = "#c9cdd4",
            Divider = "#e5e6eb",
            TableLines = "#e5e6eb",
            ActionDefault = "#646a73",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#4096ff",
            Secondary = "#a6abb3",
            Info = "#4096ff",
            Success = "#23c343",
            Warning = "#f7a24a",
            Error = "#f76965",
            TextPrimary = "#e6e8eb",
            TextSecondary = "#a6abb3",
            Background = "#111214",
            BackgroundGray = "#111214",
            Surface = "#1f2023",
            AppbarBackground = "#1f2023",
            AppbarText = "#e6e8eb",
            LinesDefault = "#2f3035",
            LinesInputs = "#46484f",
            Divider = "#2f3035",
            TableLines = "#2f3035",
            ActionDefault = "#a6abb3",
        },
        Typography = SystemFontTypography(),
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "8px",
            AppbarHeight = "48px",
        },
    };

    private static Typography SystemFontTypography()
    {
        var typography = new Typography
        {
            Default = new DefaultTypography { FontSize = "15px", LineHeight = "1.5", LetterSpacing = "normal" },
            Body1 = new Body1Typography { FontSize = "15px", LineHeight = "1.5", LetterSpacing = "normal" },
            Body2 = new Body2Typography { FontSize = "14px", LineHeight = "1.5", LetterSpacing = "normal" },
            Button = new ButtonTypography { FontSize = "14px", FontWeight = "400", LineHeight = "1.5", LetterSpacing = "normal", TextTransform = "none" },
            H6 = new H6Typography { FontSize = "17px", FontWeight = "600", LineHeight = "1.4", LetterSpacing = "normal" },
        };
        BaseTypography[] styles =
        [
            typography.Default, typography.H1, typography.H2, typography.H3, typography.H4, typography.H5, typography.H6,
            typography.Subtitle1, typography.Subtitle2, typography.Body1, typography.Body2, typography.Button, typography.Caption, typography.Overline,
        ];
        foreach (var style in styles)
        {
            style.FontFamily = FontStack;
        }

        return typography;
    }
}

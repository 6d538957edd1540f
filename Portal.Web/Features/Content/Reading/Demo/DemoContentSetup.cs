namespace Portal.Web.Features.Content.Reading.Demo;

public static class DemoContentSetup
{
    public static IServiceCollection AddDemoContent(this IServiceCollection services)
    {
        services.AddOptions<DemoContentOptions>().BindConfiguration(DemoContentOptions.SectionName);
        services.AddScoped<DemoContentSeeder>();
        return services;
    }
}

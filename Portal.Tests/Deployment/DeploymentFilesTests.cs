using System.Text.RegularExpressions;
using Portal.Web.Infrastructure.Configuration;
using YamlDotNet.RepresentationModel;

namespace Portal.Tests.Deployment;

/// <summary>
/// No Docker engine runs here, so the deployment files are checked by reading them: every setting they
/// pass must be one the portal reads, or a typo would surface only in production.
/// </summary>
public sealed partial class DeploymentFilesTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void Every_environment_key_the_compose_file_sets_is_read_by_the_portal()
    {
        var portal = Service("portal");
        var environment = (YamlMappingNode)portal.Children[new YamlScalarNode("environment")];
        var keys = environment.Children.Keys.Cast<YamlScalarNode>().Select(k => k.Value!).ToList();

        Assert.NotEmpty(keys);
        var unknown = keys.Where(k => !ConfigurationCatalog.IsKnownEnvironmentVariable(k)).ToList();
        Assert.True(unknown.Count == 0, "docker-compose.yml sets keys the portal never reads: " + string.Join(", ", unknown));
        Assert.Contains("ConnectionStrings__Portal", keys);
        Assert.Equal("Postgres", ((YamlScalarNode)environment.Children[new YamlScalarNode("Database__Provider")]).Value);
    }

    [Fact]
    public void The_catalog_check_rejects_a_misspelt_key()
    {
        Assert.False(ConfigurationCatalog.IsKnownEnvironmentVariable("DingTalk__AppSecrett"));
        Assert.False(ConfigurationCatalog.IsKnownEnvironmentVariable("Database__Provder"));
        Assert.True(ConfigurationCatalog.IsKnownEnvironmentVariable("DingTalk__AppSecret"));
    }

    [Fact]
    public void PostgreSQL_has_a_volume_and_a_health_check_the_portal_waits_for()
    {
        var postgres = Service("postgres");
        Assert.True(postgres.Children.ContainsKey(new YamlScalarNode("healthcheck")));
        Assert.Contains(((YamlSequenceNode)postgres.Children[new YamlScalarNode("volumes")]).Children, v => ((YamlScalarNode)v).Value!.EndsWith(":/var/lib/postgresql/data", StringComparison.Ordinal));

        var dependsOn = (YamlMappingNode)Service("portal").Children[new YamlScalarNode("depends_on")];
        var condition = ((YamlMappingNode)dependsOn.Children[new YamlScalarNode("postgres")]).Children[new YamlScalarNode("condition")];
        Assert.Equal("service_healthy", ((YamlScalarNode)condition).Value);
    }

    [Fact]
    public void The_image_runs_as_a_non_root_user_after_a_multi_stage_build()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "Dockerfile"));

        Assert.Equal(3, FromLine().Count(dockerfile));
        Assert.Matches(@"(?m)^USER app\s*$", dockerfile);
        Assert.Contains("SkipFrontEndAssets=true", dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void The_image_build_copies_every_project_the_portal_references()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "Dockerfile"));
        var referenced = ProjectReference().Matches(File.ReadAllText(Path.Combine(Root, "Portal.Web", "Portal.Web.csproj")))
            .Select(m => m.Groups[1].Value).ToList();

        Assert.Contains("Portal.Migrations.Postgres", referenced);
        foreach (var project in referenced)
        {
            Assert.Contains($"COPY {project}/{project}.csproj {project}/", dockerfile, StringComparison.Ordinal);
            Assert.Contains($"COPY {project}/ {project}/", dockerfile, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_key_in_the_README_configuration_table_is_read_by_the_portal()
    {
        var readme = File.ReadAllLines(Path.Combine(Root, "README.md"));
        var keys = readme.Select(line => TableKey().Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();

        Assert.True(keys.Count >= 8, "the README should document the configuration keys in a table");
        var unknown = keys.Where(k => !ConfigurationCatalog.Keys().Contains(k) && !ConfigurationCatalog.IsKnownEnvironmentVariable(k)).ToList();
        Assert.True(unknown.Count == 0, "README documents keys the portal never reads: " + string.Join(", ", unknown));
    }

    private static YamlMappingNode Service(string name)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, "docker-compose.yml"));
        yaml.Load(reader);
        var services = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("services")];
        return (YamlMappingNode)services.Children[new YamlScalarNode(name)];
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Portal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Portal.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"(?m)^FROM\s")]
    private static partial Regex FromLine();

    [GeneratedRegex(@"^\|\s*`([A-Za-z_:]+)`\s*\|")]
    private static partial Regex TableKey();

    [GeneratedRegex(@"<ProjectReference Include=""\.\.\\([^\\]+)\\")]
    private static partial Regex ProjectReference();
}

using System.Reflection;
using System.Text.RegularExpressions;
using Flux.Dashboard.Data;
using Flux.Dashboard.Data.CompiledModels.Postgres;
using Flux.Dashboard.Data.CompiledModels.Sqlite;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Data;

/// <summary>
/// Flux starts on EF compiled models (Data/CompiledModels: generated code instead of building the model at every start).
/// A model change that is not regenerated into them fails here: each is generated again, as <c>dotnet ef dbcontext
/// optimize</c> does, and must be the committed code, file for file.
/// </summary>
public sealed partial class CompiledModelTests
{
    [Fact]
    public void The_sqlite_compiled_model_is_the_model()
    {
        using var db = new FluxDbContextDesignTimeFactory().CreateDbContext([]);

        AssertCommittedIsGenerated(db, "Sqlite");
    }

    [Fact]
    public void The_postgres_compiled_model_is_the_model()
    {
        using var db = new PostgresFluxDbContextDesignTimeFactory().CreateDbContext([]);

        AssertCommittedIsGenerated(db, "Postgres");
    }

    [Fact]
    public void Contexts_run_on_their_compiled_model()
    {
        using var sqlite = new FluxDbContextDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresFluxDbContextDesignTimeFactory().CreateDbContext([]);

        Assert.IsType<FluxDbContextModel>(sqlite.Model);
        Assert.IsType<PostgresFluxDbContextModel>(postgres.Model);
    }

    private static void AssertCommittedIsGenerated(FluxDbContext db, string engine)
    {
        var generated = Directory.CreateTempSubdirectory("flux-compiled-model-");
        try
        {
            var files = Scaffolder(db).ScaffoldModel(
                db.GetService<IDesignTimeModel>().Model,
                generated.FullName,
                new CompiledModelCodeGenerationOptions
                {
                    ContextType = db.GetType(),
                    ModelNamespace = $"Flux.Dashboard.Data.CompiledModels.{engine}",
                    Language = "C#",
                    UseNullableReferenceTypes = true,
                });
            var committed = RepositoryFolder.Path("Flux.Dashboard", "Data", "CompiledModels", engine);
            var regenerate = $"regenerate it: cd Flux.Dashboard && dotnet ef dbcontext optimize --context {db.GetType().Name} " +
                $"--output-dir Data/CompiledModels/{engine} --namespace Flux.Dashboard.Data.CompiledModels.{engine}";

            Assert.True(Names(files).SetEquals(Directory.GetFiles(committed, "*.cs").Select(Path.GetFileName)!),
                $"The {engine} compiled model's files differ from what the model generates; {regenerate}");
            foreach (var file in files)
                Assert.True(Code(file) == Code(Path.Combine(committed, Path.GetFileName(file))),
                    $"{Path.GetFileName(file)} of the {engine} compiled model is stale; {regenerate}");
        }
        finally
        {
            generated.Delete(recursive: true);
        }
    }

    // Each generation gives the model a new random id; everything else must match.
    private static string Code(string file) => ModelId().Replace(File.ReadAllText(file), "modelId: new Guid(…)");

    [GeneratedRegex("""modelId: new Guid\("[0-9a-f-]+"\)""")]
    private static partial Regex ModelId();

    private static HashSet<string> Names(IEnumerable<string> files) => files.Select(f => Path.GetFileName(f)).ToHashSet();

    // The design-time services dotnet ef uses: EF's own, the provider's (its assembly, which the provider's name is, names
    // them), and the context's.
    private static ICompiledModelScaffolder Scaffolder(DbContext db)
    {
        var services = new ServiceCollection().AddEntityFrameworkDesignTimeServices();
        var provider = Assembly.Load(new AssemblyName(db.Database.ProviderName!));
        var providerServices = provider.GetCustomAttribute<DesignTimeProviderServicesAttribute>()!.TypeName;
        ((IDesignTimeServices)Activator.CreateInstance(provider.GetType(providerServices, throwOnError: true)!)!)
            .ConfigureDesignTimeServices(services);
        services.AddDbContextDesignTimeServices(db);
        return services.BuildServiceProvider().GetRequiredService<ICompiledModelScaffolder>();
    }
}

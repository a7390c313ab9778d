using Flux.Dashboard.Data;
using Npgsql;

namespace Flux.Dashboard.Tests.Data;

public sealed class AutoPrepareTests
{
    [Fact]
    public void A_PostgreSQL_connection_string_gets_automatic_preparation()
    {
        var connectionString = DataExtensions.AutoPrepared("Host=db;Username=flux;Password=secret;Database=flux");

        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        Assert.Equal(64, settings.MaxAutoPrepare);
        Assert.Equal(("db", "flux", "secret"), (settings.Host, settings.Database, settings.Password));
    }

    [Theory]
    [InlineData("Host=db;Database=flux;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=flux;maxautoprepare=200", 200)]
    public void An_operators_own_setting_is_kept(string connectionString, int expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(DataExtensions.AutoPrepared(connectionString)).MaxAutoPrepare);
}

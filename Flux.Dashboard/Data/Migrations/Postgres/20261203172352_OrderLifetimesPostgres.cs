using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Flux.Dashboard.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OrderLifetimesPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ExpiresIn",
                table: "OrderButtons",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OrderLifetimeSeconds",
                table: "AspNetUsers",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExpiresIn",
                table: "OrderButtons");

            migrationBuilder.DropColumn(
                name: "OrderLifetimeSeconds",
                table: "AspNetUsers");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Flux.Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class OrderLifetimes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ExpiresIn",
                table: "OrderButtons",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OrderLifetimeSeconds",
                table: "AspNetUsers",
                type: "INTEGER",
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

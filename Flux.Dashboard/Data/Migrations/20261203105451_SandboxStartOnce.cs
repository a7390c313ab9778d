using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Flux.Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class SandboxStartOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_CreditEntries_SandboxStart",
                table: "CreditEntries",
                columns: new[] { "MerchantId", "Livemode" },
                unique: true,
                filter: "\"Reason\" = 'SandboxStart'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CreditEntries_SandboxStart",
                table: "CreditEntries");
        }
    }
}

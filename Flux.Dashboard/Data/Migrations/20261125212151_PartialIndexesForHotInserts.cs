using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Flux.Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class PartialIndexesForHotInserts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxEvents_DispatchedAt",
                table: "OutboxEvents");

            migrationBuilder.DropIndex(
                name: "IX_Orders_ButtonId",
                table: "Orders");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxEvents_Undispatched",
                table: "OutboxEvents",
                column: "Sequence",
                filter: "\"DispatchedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ButtonId",
                table: "Orders",
                column: "ButtonId",
                filter: "\"ButtonId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxEvents_Undispatched",
                table: "OutboxEvents");

            migrationBuilder.DropIndex(
                name: "IX_Orders_ButtonId",
                table: "Orders");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxEvents_DispatchedAt",
                table: "OutboxEvents",
                column: "DispatchedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ButtonId",
                table: "Orders",
                column: "ButtonId");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Flux.Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class OrderExpiryIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Orders_AwaitingPayment_ExpiresAt",
                table: "Orders",
                column: "ExpiresAt",
                filter: "\"Status\" IN ('PendingConfirmation', 'Underpaid')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Orders_AwaitingPayment_ExpiresAt",
                table: "Orders");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Flux.Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class Buttons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ButtonId",
                table: "Orders",
                type: "TEXT",
                maxLength: 28,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OrderButtons",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    MerchantId = table.Column<string>(type: "TEXT", nullable: false),
                    Livemode = table.Column<bool>(type: "INTEGER", nullable: false),
                    WalletId = table.Column<string>(type: "TEXT", nullable: false),
                    PayTo = table.Column<string>(type: "TEXT", maxLength: 56, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", nullable: true),
                    AmountMin = table.Column<decimal>(type: "TEXT", nullable: true),
                    AmountMax = table.Column<decimal>(type: "TEXT", nullable: true),
                    Color = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Size = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Shape = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Theme = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    SuccessUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderButtons", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ButtonId",
                table: "Orders",
                column: "ButtonId");

            migrationBuilder.CreateIndex(
                name: "IX_OrderButtons_MerchantId_Livemode_CreatedAt",
                table: "OrderButtons",
                columns: new[] { "MerchantId", "Livemode", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OrderButtons");

            migrationBuilder.DropIndex(
                name: "IX_Orders_ButtonId",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "ButtonId",
                table: "Orders");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Flux.Dashboard.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PaymentLinksReceiptsPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CustomerEmail",
                table: "Orders",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PaymentLinkId",
                table: "Orders",
                type: "character varying(28)",
                maxLength: 28,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PaymentLinks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(28)", maxLength: 28, nullable: false),
                    MerchantId = table.Column<string>(type: "text", nullable: false),
                    Livemode = table.Column<bool>(type: "boolean", nullable: false),
                    WalletId = table.Column<string>(type: "text", nullable: false),
                    PayTo = table.Column<string>(type: "character varying(56)", maxLength: 56, nullable: false),
                    ProductName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(28,7)", precision: 28, scale: 7, nullable: false),
                    QuantityAdjustable = table.Column<bool>(type: "boolean", nullable: false),
                    SuccessUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ExpiresIn = table.Column<int>(type: "integer", nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentLinks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Receipts",
                columns: table => new
                {
                    OrderId = table.Column<string>(type: "character varying(28)", maxLength: 28, nullable: false),
                    Token = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    MerchantId = table.Column<string>(type: "text", nullable: false),
                    Livemode = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    MailedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Receipts", x => x.OrderId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_PaymentLinkId",
                table: "Orders",
                column: "PaymentLinkId",
                filter: "\"PaymentLinkId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentLinks_MerchantId_Livemode_CreatedAt",
                table: "PaymentLinks",
                columns: new[] { "MerchantId", "Livemode", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Receipts_Token",
                table: "Receipts",
                column: "Token",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PaymentLinks");

            migrationBuilder.DropTable(
                name: "Receipts");

            migrationBuilder.DropIndex(
                name: "IX_Orders_PaymentLinkId",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "CustomerEmail",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "PaymentLinkId",
                table: "Orders");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Flux.Dashboard.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RefundsPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Refunds",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(28)", maxLength: 28, nullable: false),
                    MerchantId = table.Column<string>(type: "text", nullable: false),
                    Livemode = table.Column<bool>(type: "boolean", nullable: false),
                    Network = table.Column<string>(type: "text", nullable: false),
                    OrderId = table.Column<string>(type: "character varying(28)", maxLength: 28, nullable: true),
                    PaymentId = table.Column<string>(type: "text", nullable: false),
                    PayFrom = table.Column<string>(type: "character varying(56)", maxLength: 56, nullable: false),
                    PayTo = table.Column<string>(type: "character varying(56)", maxLength: 56, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(28,7)", precision: 28, scale: 7, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AmountRefunded = table.Column<decimal>(type: "numeric(28,7)", precision: 28, scale: 7, nullable: false),
                    TransactionHash = table.Column<string>(type: "text", nullable: true),
                    OperationId = table.Column<string>(type: "text", nullable: true),
                    RefundedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CanceledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Refunds", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_MerchantId_Livemode_CreatedAt",
                table: "Refunds",
                columns: new[] { "MerchantId", "Livemode", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_Network_OperationId",
                table: "Refunds",
                columns: new[] { "Network", "OperationId" },
                unique: true,
                filter: "\"OperationId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_Network_PaymentId",
                table: "Refunds",
                columns: new[] { "Network", "PaymentId" });

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_OrderId",
                table: "Refunds",
                column: "OrderId",
                filter: "\"OrderId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Refunds");
        }
    }
}

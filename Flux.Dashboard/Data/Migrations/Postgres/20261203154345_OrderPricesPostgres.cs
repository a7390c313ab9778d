using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Flux.Dashboard.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OrderPricesPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "PriceAmount",
                table: "Orders",
                type: "numeric(28,7)",
                precision: 28,
                scale: 7,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PriceCurrency",
                table: "Orders",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RateAsOf",
                table: "Orders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RateSource",
                table: "Orders",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "RateValue",
                table: "Orders",
                type: "numeric(28,12)",
                precision: 28,
                scale: 12,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Currency",
                table: "OrderButtons",
                type: "character varying(3)",
                maxLength: 3,
                nullable: false,
                defaultValue: "PI");

            migrationBuilder.CreateTable(
                name: "FixedRates",
                columns: table => new
                {
                    MerchantId = table.Column<string>(type: "text", nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Value = table.Column<decimal>(type: "numeric(28,12)", precision: 28, scale: 12, nullable: false),
                    SetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FixedRates", x => new { x.MerchantId, x.Currency });
                    table.ForeignKey(
                        name: "FK_FixedRates_AspNetUsers_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProviderRates",
                columns: table => new
                {
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Value = table.Column<decimal>(type: "numeric(28,12)", precision: 28, scale: 12, nullable: false),
                    FetchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderRates", x => x.Currency);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FixedRates");

            migrationBuilder.DropTable(
                name: "ProviderRates");

            migrationBuilder.DropColumn(
                name: "PriceAmount",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "PriceCurrency",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "RateAsOf",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "RateSource",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "RateValue",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "Currency",
                table: "OrderButtons");
        }
    }
}

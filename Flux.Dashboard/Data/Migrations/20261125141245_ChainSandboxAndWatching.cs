using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Flux.Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class ChainSandboxAndWatching : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChainPayments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Network = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OperationId = table.Column<string>(type: "TEXT", nullable: false),
                    PagingToken = table.Column<string>(type: "TEXT", nullable: false),
                    TransactionHash = table.Column<string>(type: "TEXT", nullable: false),
                    Ledger = table.Column<long>(type: "INTEGER", nullable: true),
                    From = table.Column<string>(type: "TEXT", nullable: true),
                    Wallet = table.Column<string>(type: "TEXT", maxLength: 56, nullable: false),
                    ToMuxed = table.Column<string>(type: "TEXT", nullable: true),
                    Amount = table.Column<decimal>(type: "TEXT", nullable: false),
                    MemoType = table.Column<string>(type: "TEXT", nullable: true),
                    Memo = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChainPayments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SandboxAccounts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 56, nullable: false),
                    BalanceStroops = table.Column<long>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    LastModifiedLedger = table.Column<long>(type: "INTEGER", nullable: false),
                    LastModifiedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SandboxAccounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SandboxTransactions",
                columns: table => new
                {
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Ledger = table.Column<long>(type: "INTEGER", nullable: false),
                    PagingToken = table.Column<long>(type: "INTEGER", nullable: false),
                    SourceAccount = table.Column<string>(type: "TEXT", nullable: false),
                    SourceAccountSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Memo = table.Column<string>(type: "TEXT", maxLength: 28, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    FeeCharged = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SandboxTransactions", x => x.Hash);
                });

            migrationBuilder.CreateTable(
                name: "StreamCursors",
                columns: table => new
                {
                    Network = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Cursor = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StreamCursors", x => x.Network);
                });

            migrationBuilder.CreateTable(
                name: "WatchedWallets",
                columns: table => new
                {
                    Network = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 56, nullable: false),
                    CatchUpCursor = table.Column<string>(type: "TEXT", nullable: true),
                    WatchedSince = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WatchedWallets", x => new { x.Network, x.Address });
                });

            migrationBuilder.CreateTable(
                name: "SandboxPayments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    TransactionHash = table.Column<string>(type: "TEXT", nullable: false),
                    Ledger = table.Column<long>(type: "INTEGER", nullable: false),
                    From = table.Column<string>(type: "TEXT", nullable: false),
                    To = table.Column<string>(type: "TEXT", nullable: false),
                    AmountStroops = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SandboxPayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SandboxPayments_SandboxTransactions_TransactionHash",
                        column: x => x.TransactionHash,
                        principalTable: "SandboxTransactions",
                        principalColumn: "Hash",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "SandboxAccounts",
                columns: new[] { "Id", "BalanceStroops", "LastModifiedAt", "LastModifiedLedger", "Sequence" },
                values: new object[] { "GD5YHQWSTDLU4I2TVSTTLVKXI3RDEOYMPC66EYS32JBPBTKWT4X2EWBW", 10000000000000L, new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), 0L, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_ChainPayments_Network_OperationId",
                table: "ChainPayments",
                columns: new[] { "Network", "OperationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChainPayments_Network_Wallet",
                table: "ChainPayments",
                columns: new[] { "Network", "Wallet" });

            migrationBuilder.CreateIndex(
                name: "IX_SandboxPayments_From_Id",
                table: "SandboxPayments",
                columns: new[] { "From", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SandboxPayments_To_Id",
                table: "SandboxPayments",
                columns: new[] { "To", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SandboxPayments_TransactionHash",
                table: "SandboxPayments",
                column: "TransactionHash");

            migrationBuilder.CreateIndex(
                name: "IX_SandboxTransactions_Ledger",
                table: "SandboxTransactions",
                column: "Ledger");

            migrationBuilder.CreateIndex(
                name: "IX_SandboxTransactions_PagingToken",
                table: "SandboxTransactions",
                column: "PagingToken",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChainPayments");

            migrationBuilder.DropTable(
                name: "SandboxAccounts");

            migrationBuilder.DropTable(
                name: "SandboxPayments");

            migrationBuilder.DropTable(
                name: "StreamCursors");

            migrationBuilder.DropTable(
                name: "WatchedWallets");

            migrationBuilder.DropTable(
                name: "SandboxTransactions");
        }
    }
}

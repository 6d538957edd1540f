using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Domain.Data.Migrations;

[DbContext(typeof(PortalDb))]
[Migration("20261122160000_IntegrationIdempotency")]
public sealed class IntegrationIdempotency : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "IntegrationRequests",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ClientId = table.Column<Guid>(nullable: false),
                IdempotencyKey = table.Column<string>(maxLength: 100, nullable: false),
                RequestHash = table.Column<string>(maxLength: 64, nullable: false),
                ArticleId = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IntegrationRequests", x => x.Id);
                table.ForeignKey(
                    name: "FK_IntegrationRequests_Articles_ArticleId",
                    column: x => x.ArticleId,
                    principalTable: "Articles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_IntegrationRequests_IntegrationClients_ClientId",
                    column: x => x.ClientId,
                    principalTable: "IntegrationClients",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_IntegrationRequests_ArticleId", table: "IntegrationRequests", column: "ArticleId");
        migrationBuilder.CreateIndex(
            name: "IX_IntegrationRequests_ClientId_IdempotencyKey", table: "IntegrationRequests", columns: ["ClientId", "IdempotencyKey"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "IntegrationRequests");
    }
}

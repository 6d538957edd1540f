using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Domain.Data.Migrations;

[DbContext(typeof(PortalDb))]
[Migration("20261122200000_FeedIndexWithId")]
public sealed class FeedIndexWithId : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Articles_Status_PublishedAt", table: "Articles");
        migrationBuilder.CreateIndex(name: "IX_Articles_Status_PublishedAt_Id", table: "Articles", columns: ["Status", "PublishedAt", "Id"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Articles_Status_PublishedAt_Id", table: "Articles");
        migrationBuilder.CreateIndex(name: "IX_Articles_Status_PublishedAt", table: "Articles", columns: ["Status", "PublishedAt"]);
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Domain.Data.Migrations;

[DbContext(typeof(PortalDb))]
[Migration("20261122170000_ArticleKindIndex")]
public sealed class ArticleKindIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex(name: "IX_Articles_Kind_Status_PublishedAt", table: "Articles", columns: ["Kind", "Status", "PublishedAt"]);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex(name: "IX_Articles_Kind_Status_PublishedAt", table: "Articles");
}

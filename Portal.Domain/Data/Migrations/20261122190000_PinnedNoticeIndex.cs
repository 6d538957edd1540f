using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Domain.Data.Migrations;

[DbContext(typeof(PortalDb))]
[Migration("20261122190000_PinnedNoticeIndex")]
public sealed class PinnedNoticeIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex(name: "IX_Articles_Pinned", table: "Articles", columns: ["Kind", "Status", "PublishedAt"], filter: "\"Pinned\"");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex(name: "IX_Articles_Pinned", table: "Articles");
}

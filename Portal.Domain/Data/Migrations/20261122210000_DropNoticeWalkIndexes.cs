using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Domain.Data.Migrations;

/// <summary>The home page no longer walks notices in SQL: it decides its lists over the items kept in memory.</summary>
[DbContext(typeof(PortalDb))]
[Migration("20261122210000_DropNoticeWalkIndexes")]
public sealed class DropNoticeWalkIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Articles_Pinned", table: "Articles");
        migrationBuilder.DropIndex(name: "IX_Articles_Kind_Status_PublishedAt", table: "Articles");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex(name: "IX_Articles_Kind_Status_PublishedAt", table: "Articles", columns: ["Kind", "Status", "PublishedAt"]);
        migrationBuilder.CreateIndex(name: "IX_Articles_Pinned", table: "Articles", columns: ["Kind", "Status", "PublishedAt"], filter: "\"Pinned\"");
    }
}

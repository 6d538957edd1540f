using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Domain.Data.Migrations;

[DbContext(typeof(PortalDb))]
[Migration("20261122220000_TodoAssigneeNotifiedIndex")]
public sealed class TodoAssigneeNotifiedIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex(name: "IX_TodoAssignees_NotifiedAt", table: "TodoAssignees", column: "NotifiedAt");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex(name: "IX_TodoAssignees_NotifiedAt", table: "TodoAssignees");
}

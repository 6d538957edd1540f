using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Domain.Data.Migrations;

[DbContext(typeof(PortalDb))]
[Migration("20261122120000_AuditLog")]
public sealed class AuditLog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                ActorId = table.Column<Guid>(nullable: true),
                ActorName = table.Column<string>(maxLength: 80, nullable: false),
                Action = table.Column<string>(maxLength: 64, nullable: false),
                Subject = table.Column<string>(maxLength: 200, nullable: false),
                Before = table.Column<string>(nullable: true),
                After = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AuditEntries", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_AuditEntries_At", table: "AuditEntries", column: "At");
        migrationBuilder.CreateIndex(name: "IX_AuditEntries_Action_At", table: "AuditEntries", columns: ["Action", "At"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "AuditEntries");
    }
}

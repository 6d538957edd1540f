using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Domain.Data.Migrations;

[DbContext(typeof(PortalDb))]
[Migration("20261122080000_DingTalkEventInbox")]
public sealed class DingTalkEventInbox : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ReceivedDingTalkEvents",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DedupeKey = table.Column<string>(maxLength: 128, nullable: false),
                EventType = table.Column<string>(maxLength: 64, nullable: false),
                Payload = table.Column<string>(nullable: false),
                Channel = table.Column<string>(maxLength: 16, nullable: false),
                ReceivedAt = table.Column<DateTime>(nullable: false),
                ProcessedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_ReceivedDingTalkEvents", x => x.Id));

        migrationBuilder.CreateIndex(
            name: "IX_ReceivedDingTalkEvents_DedupeKey",
            table: "ReceivedDingTalkEvents",
            column: "DedupeKey",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_ReceivedDingTalkEvents_ProcessedAt_ReceivedAt",
            table: "ReceivedDingTalkEvents",
            columns: ["ProcessedAt", "ReceivedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ReceivedDingTalkEvents");
    }
}

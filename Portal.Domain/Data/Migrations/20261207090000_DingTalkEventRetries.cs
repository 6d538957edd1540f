using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Domain.Data.Migrations;

[DbContext(typeof(PortalDb))]
[Migration("20261207090000_DingTalkEventRetries")]
public sealed class DingTalkEventRetries : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "Attempts", table: "ReceivedDingTalkEvents", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<DateTime>(name: "NextAttemptAt", table: "ReceivedDingTalkEvents", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "LockedUntil", table: "ReceivedDingTalkEvents", nullable: true);
        migrationBuilder.AddColumn<string>(name: "Error", table: "ReceivedDingTalkEvents", maxLength: 500, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "Attempts", table: "ReceivedDingTalkEvents");
        migrationBuilder.DropColumn(name: "NextAttemptAt", table: "ReceivedDingTalkEvents");
        migrationBuilder.DropColumn(name: "LockedUntil", table: "ReceivedDingTalkEvents");
        migrationBuilder.DropColumn(name: "Error", table: "ReceivedDingTalkEvents");
    }
}

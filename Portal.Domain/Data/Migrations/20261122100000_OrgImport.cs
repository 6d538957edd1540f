using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Domain.Data.Migrations;

[DbContext(typeof(PortalDb))]
[Migration("20261122100000_OrgImport")]
public sealed class OrgImport : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ImportRuns",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RequestedBy = table.Column<string>(maxLength: 64, nullable: true),
                RequestedAt = table.Column<DateTime>(nullable: false),
                Status = table.Column<int>(nullable: false),
                Phase = table.Column<int>(nullable: false),
                DepartmentsFound = table.Column<int>(nullable: false),
                DepartmentsListed = table.Column<int>(nullable: false),
                PeopleFound = table.Column<int>(nullable: false),
                PeopleApplied = table.Column<int>(nullable: false),
                Deactivated = table.Column<int>(nullable: false),
                Error = table.Column<string>(maxLength: 1000, nullable: true),
                StartedAt = table.Column<DateTime>(nullable: true),
                FinishedAt = table.Column<DateTime>(nullable: true),
                LeaseUntil = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_ImportRuns", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_ImportRuns_Status_RequestedAt", table: "ImportRuns", columns: ["Status", "RequestedAt"]);

        migrationBuilder.CreateTable(
            name: "ImportStagedDepartments",
            columns: table => new
            {
                RunId = table.Column<Guid>(nullable: false),
                DepartmentId = table.Column<long>(nullable: false),
                ParentId = table.Column<long>(nullable: true),
                Name = table.Column<string>(maxLength: 64, nullable: false),
                ChildrenListed = table.Column<bool>(nullable: false),
                PeopleListed = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ImportStagedDepartments", x => new { x.RunId, x.DepartmentId }));

        migrationBuilder.CreateTable(
            name: "ImportStagedPeople",
            columns: table => new
            {
                RunId = table.Column<Guid>(nullable: false),
                UserId = table.Column<string>(maxLength: 64, nullable: false),
                Profile = table.Column<string>(nullable: false),
                LeaderOf = table.Column<string>(maxLength: 2000, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ImportStagedPeople", x => new { x.RunId, x.UserId }));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ImportStagedPeople");
        migrationBuilder.DropTable(name: "ImportStagedDepartments");
        migrationBuilder.DropTable(name: "ImportRuns");
    }
}

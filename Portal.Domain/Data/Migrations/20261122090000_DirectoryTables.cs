using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Domain.Data.Migrations;

[DbContext(typeof(PortalDb))]
[Migration("20261122090000_DirectoryTables")]
public sealed class DirectoryTables : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Departments",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false),
                ParentId = table.Column<long>(nullable: true),
                Name = table.Column<string>(maxLength: 64, nullable: false),
                Order = table.Column<int>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Departments", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_Departments_ParentId", table: "Departments", column: "ParentId");

        migrationBuilder.CreateTable(
            name: "DepartmentClosures",
            columns: table => new
            {
                AncestorId = table.Column<long>(nullable: false),
                DescendantId = table.Column<long>(nullable: false),
                Distance = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DepartmentClosures", x => new { x.AncestorId, x.DescendantId }));
        migrationBuilder.CreateIndex(name: "IX_DepartmentClosures_DescendantId", table: "DepartmentClosures", column: "DescendantId");

        migrationBuilder.CreateTable(
            name: "People",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<string>(maxLength: 64, nullable: false),
                UnionId = table.Column<string>(maxLength: 64, nullable: true),
                Name = table.Column<string>(maxLength: 80, nullable: false),
                Mobile = table.Column<string>(maxLength: 32, nullable: true),
                Title = table.Column<string>(maxLength: 200, nullable: true),
                JobNumber = table.Column<string>(maxLength: 50, nullable: true),
                Email = table.Column<string>(maxLength: 100, nullable: true),
                AvatarUrl = table.Column<string>(maxLength: 500, nullable: true),
                Active = table.Column<bool>(nullable: false),
                AdminLevel = table.Column<int>(nullable: false),
                HiredAt = table.Column<DateTime>(nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_People", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_People_UserId", table: "People", column: "UserId", unique: true);
        migrationBuilder.CreateIndex(name: "IX_People_UnionId", table: "People", column: "UnionId");
        migrationBuilder.CreateIndex(name: "IX_People_Mobile", table: "People", column: "Mobile", unique: true);
        migrationBuilder.CreateIndex(name: "IX_People_JobNumber", table: "People", column: "JobNumber");

        migrationBuilder.CreateTable(
            name: "PersonDepartments",
            columns: table => new
            {
                PersonId = table.Column<Guid>(nullable: false),
                DepartmentId = table.Column<long>(nullable: false),
                IsLeader = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PersonDepartments", x => new { x.PersonId, x.DepartmentId });
                table.ForeignKey(
                    name: "FK_PersonDepartments_People_PersonId",
                    column: x => x.PersonId,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_PersonDepartments_DepartmentId", table: "PersonDepartments", column: "DepartmentId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "PersonDepartments");
        migrationBuilder.DropTable(name: "People");
        migrationBuilder.DropTable(name: "DepartmentClosures");
        migrationBuilder.DropTable(name: "Departments");
    }
}

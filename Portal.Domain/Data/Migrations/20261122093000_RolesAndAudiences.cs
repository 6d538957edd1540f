using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Domain.Data.Migrations;

[DbContext(typeof(PortalDb))]
[Migration("20261122093000_RolesAndAudiences")]
public sealed class RolesAndAudiences : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Roles",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Key = table.Column<string>(maxLength: 64, nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                IsBuiltIn = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Roles", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_Roles_Key", table: "Roles", column: "Key", unique: true);

        migrationBuilder.CreateTable(
            name: "RoleRules",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RoleId = table.Column<Guid>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                DepartmentId = table.Column<long>(nullable: true),
                IncludeSubdepartments = table.Column<bool>(nullable: false),
                Value = table.Column<string>(maxLength: 200, nullable: true),
                PersonId = table.Column<Guid>(nullable: true),
                Exclude = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RoleRules", x => x.Id);
                table.ForeignKey(
                    name: "FK_RoleRules_Roles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "Roles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_RoleRules_RoleId", table: "RoleRules", column: "RoleId");

        migrationBuilder.CreateTable(
            name: "RoleMembers",
            columns: table => new
            {
                RoleId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_RoleMembers", x => new { x.RoleId, x.PersonId }));
        migrationBuilder.CreateIndex(name: "IX_RoleMembers_PersonId", table: "RoleMembers", column: "PersonId");

        migrationBuilder.CreateTable(
            name: "Audiences",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Everyone = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Audiences", x => x.Id));

        migrationBuilder.CreateTable(
            name: "AudienceRules",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AudienceId = table.Column<Guid>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                DepartmentId = table.Column<long>(nullable: true),
                IncludeSubdepartments = table.Column<bool>(nullable: false),
                RoleId = table.Column<Guid>(nullable: true),
                PersonId = table.Column<Guid>(nullable: true),
                Exclude = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AudienceRules", x => x.Id);
                table.ForeignKey(
                    name: "FK_AudienceRules_Audiences_AudienceId",
                    column: x => x.AudienceId,
                    principalTable: "Audiences",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_AudienceRules_AudienceId", table: "AudienceRules", column: "AudienceId");
        migrationBuilder.CreateIndex(name: "IX_AudienceRules_Kind_DepartmentId", table: "AudienceRules", columns: ["Kind", "DepartmentId"]);
        migrationBuilder.CreateIndex(name: "IX_AudienceRules_Kind_PersonId", table: "AudienceRules", columns: ["Kind", "PersonId"]);
        migrationBuilder.CreateIndex(name: "IX_AudienceRules_Kind_RoleId", table: "AudienceRules", columns: ["Kind", "RoleId"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "AudienceRules");
        migrationBuilder.DropTable(name: "Audiences");
        migrationBuilder.DropTable(name: "RoleMembers");
        migrationBuilder.DropTable(name: "RoleRules");
        migrationBuilder.DropTable(name: "Roles");
    }
}

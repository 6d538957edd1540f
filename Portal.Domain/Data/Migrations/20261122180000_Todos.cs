using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Domain.Data.Migrations;

[DbContext(typeof(PortalDb))]
[Migration("20261122180000_Todos")]
public sealed class Todos : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "WebhookUrl", table: "IntegrationClients", maxLength: 1000, nullable: true);
        migrationBuilder.AddColumn<string>(name: "ProtectedWebhookSecret", table: "IntegrationClients", maxLength: 2000, nullable: true);
        migrationBuilder.AddColumn<bool>(name: "Enabled", table: "IntegrationClients", nullable: false, defaultValue: true);

        migrationBuilder.CreateTable(
            name: "Todos",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ClientId = table.Column<Guid>(nullable: false),
                ExternalId = table.Column<string>(maxLength: 128, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Description = table.Column<string>(maxLength: 4000, nullable: true),
                DueAt = table.Column<DateTime>(nullable: true),
                Priority = table.Column<int>(nullable: false),
                DetailUrlMobile = table.Column<string>(maxLength: 1000, nullable: true),
                DetailUrlPc = table.Column<string>(maxLength: 1000, nullable: true),
                FormFields = table.Column<string>(nullable: false),
                Actions = table.Column<string>(nullable: false),
                Status = table.Column<int>(nullable: false),
                RequestHash = table.Column<string>(maxLength: 64, nullable: false),
                Decision = table.Column<string>(maxLength: 64, nullable: true),
                DecisionComment = table.Column<string>(maxLength: 1000, nullable: true),
                DecidedById = table.Column<Guid>(nullable: true),
                DecidedAt = table.Column<DateTime>(nullable: true),
                DingTalkTaskId = table.Column<string>(maxLength: 128, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Todos", x => x.Id);
                table.ForeignKey(
                    name: "FK_Todos_IntegrationClients_ClientId",
                    column: x => x.ClientId,
                    principalTable: "IntegrationClients",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_Todos_ClientId_ExternalId", table: "Todos", columns: ["ClientId", "ExternalId"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_Todos_Status_DueAt", table: "Todos", columns: ["Status", "DueAt"]);

        migrationBuilder.CreateTable(
            name: "TodoAssignees",
            columns: table => new
            {
                TodoId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                NotifiedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TodoAssignees", x => new { x.TodoId, x.PersonId });
                table.ForeignKey(
                    name: "FK_TodoAssignees_Todos_TodoId",
                    column: x => x.TodoId,
                    principalTable: "Todos",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_TodoAssignees_PersonId", table: "TodoAssignees", column: "PersonId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "TodoAssignees");
        migrationBuilder.DropTable(name: "Todos");
        migrationBuilder.DropColumn(name: "Enabled", table: "IntegrationClients");
        migrationBuilder.DropColumn(name: "ProtectedWebhookSecret", table: "IntegrationClients");
        migrationBuilder.DropColumn(name: "WebhookUrl", table: "IntegrationClients");
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Domain.Data.Migrations;

[DbContext(typeof(PortalDb))]
[Migration("20261122150000_ContentDelivery")]
public sealed class ContentDelivery : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>(name: "Notify", table: "Articles", nullable: false, defaultValue: true);
        migrationBuilder.AddColumn<Guid>(name: "CoverImageId", table: "Articles", nullable: true);
        migrationBuilder.AddColumn<Guid>(name: "RevisionOfId", table: "Articles", nullable: true);
        migrationBuilder.AddColumn<Guid>(name: "SourceClientId", table: "Articles", nullable: true);
        migrationBuilder.CreateIndex(name: "IX_Articles_RevisionOfId", table: "Articles", column: "RevisionOfId");

        migrationBuilder.CreateTable(
            name: "ArticleReceipts",
            columns: table => new
            {
                ArticleId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                Notification = table.Column<int>(nullable: false),
                NotificationCode = table.Column<string>(maxLength: 16, nullable: true),
                NotifiedAt = table.Column<DateTime>(nullable: true),
                ReadAt = table.Column<DateTime>(nullable: true),
                AcknowledgedAt = table.Column<DateTime>(nullable: true),
                Reminders = table.Column<int>(nullable: false),
                RemindedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ArticleReceipts", x => new { x.ArticleId, x.PersonId });
                table.ForeignKey(
                    name: "FK_ArticleReceipts_Articles_ArticleId",
                    column: x => x.ArticleId,
                    principalTable: "Articles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_ArticleReceipts_PersonId", table: "ArticleReceipts", column: "PersonId");

        migrationBuilder.CreateTable(
            name: "ContentFiles",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ArticleId = table.Column<Guid>(nullable: true),
                Purpose = table.Column<int>(nullable: false),
                FileName = table.Column<string>(maxLength: 200, nullable: false),
                ContentType = table.Column<string>(maxLength: 100, nullable: false),
                Length = table.Column<long>(nullable: false),
                Bytes = table.Column<byte[]>(nullable: false),
                UploadedById = table.Column<Guid>(nullable: false),
                UploadedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ContentFiles", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_ContentFiles_ArticleId", table: "ContentFiles", column: "ArticleId");

        migrationBuilder.CreateTable(
            name: "NotificationDispatches",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ArticleId = table.Column<Guid>(nullable: false),
                Purpose = table.Column<int>(nullable: false),
                Message = table.Column<string>(nullable: false),
                Recipients = table.Column<int>(nullable: false),
                CreatedById = table.Column<Guid>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NotificationDispatches", x => x.Id);
                table.ForeignKey(
                    name: "FK_NotificationDispatches_Articles_ArticleId",
                    column: x => x.ArticleId,
                    principalTable: "Articles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_NotificationDispatches_ArticleId_CreatedAt", table: "NotificationDispatches", columns: ["ArticleId", "CreatedAt"]);

        migrationBuilder.CreateTable(
            name: "NotificationCalls",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DispatchId = table.Column<Guid>(nullable: false),
                Index = table.Column<int>(nullable: false),
                ToAllUsers = table.Column<bool>(nullable: false),
                DepartmentIds = table.Column<string>(nullable: false),
                UserIds = table.Column<string>(nullable: false),
                TaskId = table.Column<long>(nullable: true),
                SentAt = table.Column<DateTime>(nullable: true),
                ResultAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NotificationCalls", x => x.Id);
                table.ForeignKey(
                    name: "FK_NotificationCalls_NotificationDispatches_DispatchId",
                    column: x => x.DispatchId,
                    principalTable: "NotificationDispatches",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_NotificationCalls_DispatchId_Index", table: "NotificationCalls", columns: ["DispatchId", "Index"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_NotificationCalls_SentAt", table: "NotificationCalls", column: "SentAt");

        migrationBuilder.CreateTable(
            name: "IntegrationClients",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                KeyHash = table.Column<string>(maxLength: 64, nullable: false),
                KeyPrefix = table.Column<string>(maxLength: 12, nullable: false),
                Scopes = table.Column<string>(maxLength: 500, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                RevokedAt = table.Column<DateTime>(nullable: true),
                LastUsedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_IntegrationClients", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_IntegrationClients_KeyHash", table: "IntegrationClients", column: "KeyHash", unique: true);
        migrationBuilder.CreateIndex(name: "IX_IntegrationClients_Name", table: "IntegrationClients", column: "Name", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "IntegrationClients");
        migrationBuilder.DropTable(name: "NotificationCalls");
        migrationBuilder.DropTable(name: "NotificationDispatches");
        migrationBuilder.DropTable(name: "ContentFiles");
        migrationBuilder.DropTable(name: "ArticleReceipts");
        migrationBuilder.DropIndex(name: "IX_Articles_RevisionOfId", table: "Articles");
        migrationBuilder.DropColumn(name: "SourceClientId", table: "Articles");
        migrationBuilder.DropColumn(name: "RevisionOfId", table: "Articles");
        migrationBuilder.DropColumn(name: "CoverImageId", table: "Articles");
        migrationBuilder.DropColumn(name: "Notify", table: "Articles");
    }
}

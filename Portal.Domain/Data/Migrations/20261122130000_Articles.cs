using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Domain.Data.Migrations;

[DbContext(typeof(PortalDb))]
[Migration("20261122130000_Articles")]
public sealed class Articles : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Articles",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                Status = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Summary = table.Column<string>(maxLength: 500, nullable: true),
                Body = table.Column<string>(nullable: false),
                Category = table.Column<string>(maxLength: 50, nullable: true),
                RequiresAcknowledgement = table.Column<bool>(nullable: false),
                Pinned = table.Column<bool>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: true),
                AudienceId = table.Column<Guid>(nullable: false),
                AuthorId = table.Column<Guid>(nullable: false),
                ReviewedById = table.Column<Guid>(nullable: true),
                RejectionComment = table.Column<string>(maxLength: 1000, nullable: true),
                PublishAt = table.Column<DateTime>(nullable: true),
                PublishedAt = table.Column<DateTime>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Articles", x => x.Id);
                table.ForeignKey(
                    name: "FK_Articles_Audiences_AudienceId",
                    column: x => x.AudienceId,
                    principalTable: "Audiences",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_Articles_AudienceId", table: "Articles", column: "AudienceId");
        migrationBuilder.CreateIndex(name: "IX_Articles_AuthorId", table: "Articles", column: "AuthorId");
        migrationBuilder.CreateIndex(name: "IX_Articles_Status_PublishAt", table: "Articles", columns: ["Status", "PublishAt"]);
        migrationBuilder.CreateIndex(name: "IX_Articles_Status_PublishedAt", table: "Articles", columns: ["Status", "PublishedAt"]);

        migrationBuilder.CreateTable(
            name: "ArticleHistory",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ArticleId = table.Column<Guid>(nullable: false),
                ActorId = table.Column<Guid>(nullable: true),
                Action = table.Column<string>(maxLength: 32, nullable: false),
                Detail = table.Column<string>(maxLength: 1000, nullable: true),
                At = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ArticleHistory", x => x.Id);
                table.ForeignKey(
                    name: "FK_ArticleHistory_Articles_ArticleId",
                    column: x => x.ArticleId,
                    principalTable: "Articles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_ArticleHistory_ArticleId_At", table: "ArticleHistory", columns: ["ArticleId", "At"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ArticleHistory");
        migrationBuilder.DropTable(name: "Articles");
    }
}

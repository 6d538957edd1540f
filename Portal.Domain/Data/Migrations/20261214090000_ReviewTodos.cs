using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Domain.Data.Migrations;

[DbContext(typeof(PortalDb))]
[Migration("20261214090000_ReviewTodos")]
public sealed class ReviewTodos : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ReviewTodos",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ArticleId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                Status = table.Column<int>(nullable: false),
                Outcome = table.Column<int>(nullable: true),
                DecidedById = table.Column<Guid>(nullable: true),
                DecidedAt = table.Column<DateTime>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                NotifiedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReviewTodos", x => x.Id);
                table.ForeignKey(
                    name: "FK_ReviewTodos_Articles_ArticleId",
                    column: x => x.ArticleId,
                    principalTable: "Articles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_ReviewTodos_ArticleId", table: "ReviewTodos", column: "ArticleId");
        migrationBuilder.CreateIndex(name: "IX_ReviewTodos_PersonId_Status", table: "ReviewTodos", columns: ["PersonId", "Status"]);
        migrationBuilder.CreateIndex(name: "IX_ReviewTodos_NotifiedAt", table: "ReviewTodos", column: "NotifiedAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "ReviewTodos");
}

using Microsoft.EntityFrameworkCore;
using Portal.Domain.Admin;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.DingTalkEvents;
using Portal.Domain.Integration;
using Portal.Domain.Outbox;
using Portal.Domain.People;
using Portal.Domain.Todos;

namespace Portal.Domain.Data;

public sealed class PortalDb(DbContextOptions<PortalDb> options) : DbContext(options)
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ReceivedDingTalkEvent> ReceivedDingTalkEvents => Set<ReceivedDingTalkEvent>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<DepartmentClosure> DepartmentClosures => Set<DepartmentClosure>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<PersonDepartment> PersonDepartments => Set<PersonDepartment>();

    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Article> Articles => Set<Article>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<ArticleHistory> ArticleHistory => Set<ArticleHistory>();

    public DbSet<ArticleReceipt> ArticleReceipts => Set<ArticleReceipt>();

    public DbSet<ContentFile> ContentFiles => Set<ContentFile>();

    public DbSet<NotificationDispatch> NotificationDispatches => Set<NotificationDispatch>();

    public DbSet<NotificationCall> NotificationCalls => Set<NotificationCall>();

    public DbSet<IntegrationClient> IntegrationClients => Set<IntegrationClient>();

    public DbSet<Todo> Todos => Set<Todo>();

    public DbSet<TodoAssignee> TodoAssignees => Set<TodoAssignee>();

    public DbSet<ReviewTodo> ReviewTodos => Set<ReviewTodo>();

    public DbSet<IntegrationRequest> IntegrationRequests => Set<IntegrationRequest>();

    public DbSet<ImportStagedDepartment> ImportStagedDepartments => Set<ImportStagedDepartment>();

    public DbSet<ImportStagedPerson> ImportStagedPeople => Set<ImportStagedPerson>();

    public DbSet<Role> Roles => Set<Role>();

    public DbSet<RoleRule> RoleRules => Set<RoleRule>();

    public DbSet<RoleMember> RoleMembers => Set<RoleMember>();

    public DbSet<Audience> Audiences => Set<Audience>();

    public DbSet<AudienceRule> AudienceRules => Set<AudienceRule>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}

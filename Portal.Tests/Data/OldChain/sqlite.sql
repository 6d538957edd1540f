-- The schema the hand-written migrations built (20261122070000_Initial .. 20261214090000_ReviewTodos), as EF 10.0.14 scripted them: databases of earlier releases look like this.
CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "DataProtectionKeys" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY,
    "FriendlyName" TEXT NOT NULL,
    "Xml" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_DataProtectionKeys_FriendlyName" ON "DataProtectionKeys" ("FriendlyName");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122070000_Initial', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "ReceivedDingTalkEvents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ReceivedDingTalkEvents" PRIMARY KEY,
    "DedupeKey" TEXT NOT NULL,
    "EventType" TEXT NOT NULL,
    "Payload" TEXT NOT NULL,
    "Channel" TEXT NOT NULL,
    "ReceivedAt" TEXT NOT NULL,
    "ProcessedAt" TEXT NULL
);

CREATE UNIQUE INDEX "IX_ReceivedDingTalkEvents_DedupeKey" ON "ReceivedDingTalkEvents" ("DedupeKey");

CREATE INDEX "IX_ReceivedDingTalkEvents_ProcessedAt_ReceivedAt" ON "ReceivedDingTalkEvents" ("ProcessedAt", "ReceivedAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122080000_DingTalkEventInbox', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "Departments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Departments" PRIMARY KEY,
    "ParentId" INTEGER NULL,
    "Name" TEXT NOT NULL,
    "Order" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);

CREATE INDEX "IX_Departments_ParentId" ON "Departments" ("ParentId");

CREATE TABLE "DepartmentClosures" (
    "AncestorId" INTEGER NOT NULL,
    "DescendantId" INTEGER NOT NULL,
    "Distance" INTEGER NOT NULL,
    CONSTRAINT "PK_DepartmentClosures" PRIMARY KEY ("AncestorId", "DescendantId")
);

CREATE INDEX "IX_DepartmentClosures_DescendantId" ON "DepartmentClosures" ("DescendantId");

CREATE TABLE "People" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_People" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "UnionId" TEXT NULL,
    "Name" TEXT NOT NULL,
    "Mobile" TEXT NULL,
    "Title" TEXT NULL,
    "JobNumber" TEXT NULL,
    "Email" TEXT NULL,
    "AvatarUrl" TEXT NULL,
    "Active" INTEGER NOT NULL,
    "AdminLevel" INTEGER NOT NULL,
    "HiredAt" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_People_UserId" ON "People" ("UserId");

CREATE INDEX "IX_People_UnionId" ON "People" ("UnionId");

CREATE UNIQUE INDEX "IX_People_Mobile" ON "People" ("Mobile");

CREATE INDEX "IX_People_JobNumber" ON "People" ("JobNumber");

CREATE TABLE "PersonDepartments" (
    "PersonId" TEXT NOT NULL,
    "DepartmentId" INTEGER NOT NULL,
    "IsLeader" INTEGER NOT NULL,
    CONSTRAINT "PK_PersonDepartments" PRIMARY KEY ("PersonId", "DepartmentId"),
    CONSTRAINT "FK_PersonDepartments_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_PersonDepartments_DepartmentId" ON "PersonDepartments" ("DepartmentId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122090000_DirectoryTables', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "Roles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Roles" PRIMARY KEY,
    "Key" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "IsBuiltIn" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_Roles_Key" ON "Roles" ("Key");

CREATE TABLE "RoleRules" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RoleRules" PRIMARY KEY,
    "RoleId" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "DepartmentId" INTEGER NULL,
    "IncludeSubdepartments" INTEGER NOT NULL,
    "Value" TEXT NULL,
    "PersonId" TEXT NULL,
    "Exclude" INTEGER NOT NULL,
    CONSTRAINT "FK_RoleRules_Roles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "Roles" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_RoleRules_RoleId" ON "RoleRules" ("RoleId");

CREATE TABLE "RoleMembers" (
    "RoleId" TEXT NOT NULL,
    "PersonId" TEXT NOT NULL,
    CONSTRAINT "PK_RoleMembers" PRIMARY KEY ("RoleId", "PersonId")
);

CREATE INDEX "IX_RoleMembers_PersonId" ON "RoleMembers" ("PersonId");

CREATE TABLE "Audiences" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Audiences" PRIMARY KEY,
    "Everyone" INTEGER NOT NULL
);

CREATE TABLE "AudienceRules" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AudienceRules" PRIMARY KEY,
    "AudienceId" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "DepartmentId" INTEGER NULL,
    "IncludeSubdepartments" INTEGER NOT NULL,
    "RoleId" TEXT NULL,
    "PersonId" TEXT NULL,
    "Exclude" INTEGER NOT NULL,
    CONSTRAINT "FK_AudienceRules_Audiences_AudienceId" FOREIGN KEY ("AudienceId") REFERENCES "Audiences" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AudienceRules_AudienceId" ON "AudienceRules" ("AudienceId");

CREATE INDEX "IX_AudienceRules_Kind_DepartmentId" ON "AudienceRules" ("Kind", "DepartmentId");

CREATE INDEX "IX_AudienceRules_Kind_PersonId" ON "AudienceRules" ("Kind", "PersonId");

CREATE INDEX "IX_AudienceRules_Kind_RoleId" ON "AudienceRules" ("Kind", "RoleId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122093000_RolesAndAudiences', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "ImportRuns" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ImportRuns" PRIMARY KEY,
    "RequestedBy" TEXT NULL,
    "RequestedAt" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "Phase" INTEGER NOT NULL,
    "DepartmentsFound" INTEGER NOT NULL,
    "DepartmentsListed" INTEGER NOT NULL,
    "PeopleFound" INTEGER NOT NULL,
    "PeopleApplied" INTEGER NOT NULL,
    "Deactivated" INTEGER NOT NULL,
    "Error" TEXT NULL,
    "StartedAt" TEXT NULL,
    "FinishedAt" TEXT NULL,
    "LeaseUntil" TEXT NULL
);

CREATE INDEX "IX_ImportRuns_Status_RequestedAt" ON "ImportRuns" ("Status", "RequestedAt");

CREATE TABLE "ImportStagedDepartments" (
    "RunId" TEXT NOT NULL,
    "DepartmentId" INTEGER NOT NULL,
    "ParentId" INTEGER NULL,
    "Name" TEXT NOT NULL,
    "ChildrenListed" INTEGER NOT NULL,
    "PeopleListed" INTEGER NOT NULL,
    CONSTRAINT "PK_ImportStagedDepartments" PRIMARY KEY ("RunId", "DepartmentId")
);

CREATE TABLE "ImportStagedPeople" (
    "RunId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "Profile" TEXT NOT NULL,
    "LeaderOf" TEXT NOT NULL,
    CONSTRAINT "PK_ImportStagedPeople" PRIMARY KEY ("RunId", "UserId")
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122100000_OrgImport', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "People" ADD "DingTalkRoles" TEXT NOT NULL DEFAULT '';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122110000_PersonDingTalkRoles', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "AuditEntries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY,
    "At" TEXT NOT NULL,
    "ActorId" TEXT NULL,
    "ActorName" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Before" TEXT NULL,
    "After" TEXT NULL
);

CREATE INDEX "IX_AuditEntries_At" ON "AuditEntries" ("At");

CREATE INDEX "IX_AuditEntries_Action_At" ON "AuditEntries" ("Action", "At");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122120000_AuditLog', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "Articles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Articles" PRIMARY KEY,
    "Kind" INTEGER NOT NULL,
    "Status" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Summary" TEXT NULL,
    "Body" TEXT NOT NULL,
    "Category" TEXT NULL,
    "RequiresAcknowledgement" INTEGER NOT NULL,
    "Pinned" INTEGER NOT NULL,
    "ExpiresAt" TEXT NULL,
    "AudienceId" TEXT NOT NULL,
    "AuthorId" TEXT NOT NULL,
    "ReviewedById" TEXT NULL,
    "RejectionComment" TEXT NULL,
    "PublishAt" TEXT NULL,
    "PublishedAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Articles_Audiences_AudienceId" FOREIGN KEY ("AudienceId") REFERENCES "Audiences" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_Articles_AudienceId" ON "Articles" ("AudienceId");

CREATE INDEX "IX_Articles_AuthorId" ON "Articles" ("AuthorId");

CREATE INDEX "IX_Articles_Status_PublishAt" ON "Articles" ("Status", "PublishAt");

CREATE INDEX "IX_Articles_Status_PublishedAt" ON "Articles" ("Status", "PublishedAt");

CREATE TABLE "ArticleHistory" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ArticleHistory" PRIMARY KEY,
    "ArticleId" TEXT NOT NULL,
    "ActorId" TEXT NULL,
    "Action" TEXT NOT NULL,
    "Detail" TEXT NULL,
    "At" TEXT NOT NULL,
    CONSTRAINT "FK_ArticleHistory_Articles_ArticleId" FOREIGN KEY ("ArticleId") REFERENCES "Articles" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ArticleHistory_ArticleId_At" ON "ArticleHistory" ("ArticleId", "At");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122130000_Articles', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "OutboxMessages" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OutboxMessages" PRIMARY KEY,
    "Kind" TEXT NOT NULL,
    "Payload" TEXT NOT NULL,
    "IdempotencyKey" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "NextAttemptAt" TEXT NOT NULL,
    "LeaseOwner" TEXT NULL,
    "LeaseUntil" TEXT NULL,
    "LastError" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "DeliveredAt" TEXT NULL
);

CREATE UNIQUE INDEX "IX_OutboxMessages_IdempotencyKey" ON "OutboxMessages" ("IdempotencyKey");

CREATE INDEX "IX_OutboxMessages_Status_NextAttemptAt" ON "OutboxMessages" ("Status", "NextAttemptAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122140000_Outbox', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Articles" ADD "Notify" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "Articles" ADD "CoverImageId" TEXT NULL;

ALTER TABLE "Articles" ADD "RevisionOfId" TEXT NULL;

ALTER TABLE "Articles" ADD "SourceClientId" TEXT NULL;

CREATE INDEX "IX_Articles_RevisionOfId" ON "Articles" ("RevisionOfId");

CREATE TABLE "ArticleReceipts" (
    "ArticleId" TEXT NOT NULL,
    "PersonId" TEXT NOT NULL,
    "Notification" INTEGER NOT NULL,
    "NotificationCode" TEXT NULL,
    "NotifiedAt" TEXT NULL,
    "ReadAt" TEXT NULL,
    "AcknowledgedAt" TEXT NULL,
    "Reminders" INTEGER NOT NULL,
    "RemindedAt" TEXT NULL,
    CONSTRAINT "PK_ArticleReceipts" PRIMARY KEY ("ArticleId", "PersonId"),
    CONSTRAINT "FK_ArticleReceipts_Articles_ArticleId" FOREIGN KEY ("ArticleId") REFERENCES "Articles" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ArticleReceipts_PersonId" ON "ArticleReceipts" ("PersonId");

CREATE TABLE "ContentFiles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ContentFiles" PRIMARY KEY,
    "ArticleId" TEXT NULL,
    "Purpose" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Length" INTEGER NOT NULL,
    "Bytes" BLOB NOT NULL,
    "UploadedById" TEXT NOT NULL,
    "UploadedAt" TEXT NOT NULL
);

CREATE INDEX "IX_ContentFiles_ArticleId" ON "ContentFiles" ("ArticleId");

CREATE TABLE "NotificationDispatches" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_NotificationDispatches" PRIMARY KEY,
    "ArticleId" TEXT NOT NULL,
    "Purpose" INTEGER NOT NULL,
    "Message" TEXT NOT NULL,
    "Recipients" INTEGER NOT NULL,
    "CreatedById" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_NotificationDispatches_Articles_ArticleId" FOREIGN KEY ("ArticleId") REFERENCES "Articles" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_NotificationDispatches_ArticleId_CreatedAt" ON "NotificationDispatches" ("ArticleId", "CreatedAt");

CREATE TABLE "NotificationCalls" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_NotificationCalls" PRIMARY KEY,
    "DispatchId" TEXT NOT NULL,
    "Index" INTEGER NOT NULL,
    "ToAllUsers" INTEGER NOT NULL,
    "DepartmentIds" TEXT NOT NULL,
    "UserIds" TEXT NOT NULL,
    "TaskId" INTEGER NULL,
    "SentAt" TEXT NULL,
    "ResultAt" TEXT NULL,
    CONSTRAINT "FK_NotificationCalls_NotificationDispatches_DispatchId" FOREIGN KEY ("DispatchId") REFERENCES "NotificationDispatches" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_NotificationCalls_DispatchId_Index" ON "NotificationCalls" ("DispatchId", "Index");

CREATE INDEX "IX_NotificationCalls_SentAt" ON "NotificationCalls" ("SentAt");

CREATE TABLE "IntegrationClients" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_IntegrationClients" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "KeyHash" TEXT NOT NULL,
    "KeyPrefix" TEXT NOT NULL,
    "Scopes" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "RevokedAt" TEXT NULL,
    "LastUsedAt" TEXT NULL
);

CREATE UNIQUE INDEX "IX_IntegrationClients_KeyHash" ON "IntegrationClients" ("KeyHash");

CREATE UNIQUE INDEX "IX_IntegrationClients_Name" ON "IntegrationClients" ("Name");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122150000_ContentDelivery', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "IntegrationRequests" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_IntegrationRequests" PRIMARY KEY,
    "ClientId" TEXT NOT NULL,
    "IdempotencyKey" TEXT NOT NULL,
    "RequestHash" TEXT NOT NULL,
    "ArticleId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_IntegrationRequests_Articles_ArticleId" FOREIGN KEY ("ArticleId") REFERENCES "Articles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_IntegrationRequests_IntegrationClients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "IntegrationClients" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_IntegrationRequests_ArticleId" ON "IntegrationRequests" ("ArticleId");

CREATE UNIQUE INDEX "IX_IntegrationRequests_ClientId_IdempotencyKey" ON "IntegrationRequests" ("ClientId", "IdempotencyKey");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122160000_IntegrationIdempotency', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE INDEX "IX_Articles_Kind_Status_PublishedAt" ON "Articles" ("Kind", "Status", "PublishedAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122170000_ArticleKindIndex', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "IntegrationClients" ADD "WebhookUrl" TEXT NULL;

ALTER TABLE "IntegrationClients" ADD "ProtectedWebhookSecret" TEXT NULL;

ALTER TABLE "IntegrationClients" ADD "Enabled" INTEGER NOT NULL DEFAULT 1;

CREATE TABLE "Todos" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Todos" PRIMARY KEY,
    "ClientId" TEXT NOT NULL,
    "ExternalId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Description" TEXT NULL,
    "DueAt" TEXT NULL,
    "Priority" INTEGER NOT NULL,
    "DetailUrlMobile" TEXT NULL,
    "DetailUrlPc" TEXT NULL,
    "FormFields" TEXT NOT NULL,
    "Actions" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "RequestHash" TEXT NOT NULL,
    "Decision" TEXT NULL,
    "DecisionComment" TEXT NULL,
    "DecidedById" TEXT NULL,
    "DecidedAt" TEXT NULL,
    "DingTalkTaskId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Todos_IntegrationClients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "IntegrationClients" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_Todos_ClientId_ExternalId" ON "Todos" ("ClientId", "ExternalId");

CREATE INDEX "IX_Todos_Status_DueAt" ON "Todos" ("Status", "DueAt");

CREATE TABLE "TodoAssignees" (
    "TodoId" TEXT NOT NULL,
    "PersonId" TEXT NOT NULL,
    "NotifiedAt" TEXT NULL,
    CONSTRAINT "PK_TodoAssignees" PRIMARY KEY ("TodoId", "PersonId"),
    CONSTRAINT "FK_TodoAssignees_Todos_TodoId" FOREIGN KEY ("TodoId") REFERENCES "Todos" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_TodoAssignees_PersonId" ON "TodoAssignees" ("PersonId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122180000_Todos', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE INDEX "IX_Articles_Pinned" ON "Articles" ("Kind", "Status", "PublishedAt") WHERE "Pinned";

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122190000_PinnedNoticeIndex', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
DROP INDEX "IX_Articles_Status_PublishedAt";

CREATE INDEX "IX_Articles_Status_PublishedAt_Id" ON "Articles" ("Status", "PublishedAt", "Id");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122200000_FeedIndexWithId', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
DROP INDEX "IX_Articles_Pinned";

DROP INDEX "IX_Articles_Kind_Status_PublishedAt";

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122210000_DropNoticeWalkIndexes', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE INDEX "IX_TodoAssignees_NotifiedAt" ON "TodoAssignees" ("NotifiedAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122220000_TodoAssigneeNotifiedIndex', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "ReceivedDingTalkEvents" ADD "Attempts" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "ReceivedDingTalkEvents" ADD "NextAttemptAt" TEXT NULL;

ALTER TABLE "ReceivedDingTalkEvents" ADD "LockedUntil" TEXT NULL;

ALTER TABLE "ReceivedDingTalkEvents" ADD "Error" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207090000_DingTalkEventRetries', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "ReviewTodos" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ReviewTodos" PRIMARY KEY,
    "ArticleId" TEXT NOT NULL,
    "PersonId" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "Outcome" INTEGER NULL,
    "DecidedById" TEXT NULL,
    "DecidedAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "NotifiedAt" TEXT NULL,
    CONSTRAINT "FK_ReviewTodos_Articles_ArticleId" FOREIGN KEY ("ArticleId") REFERENCES "Articles" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ReviewTodos_ArticleId" ON "ReviewTodos" ("ArticleId");

CREATE INDEX "IX_ReviewTodos_PersonId_Status" ON "ReviewTodos" ("PersonId", "Status");

CREATE INDEX "IX_ReviewTodos_NotifiedAt" ON "ReviewTodos" ("NotifiedAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261214090000_ReviewTodos', '10.0.14');

COMMIT;


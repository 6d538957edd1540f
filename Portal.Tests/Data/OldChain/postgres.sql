-- The schema the hand-written migrations built (20261122070000_Initial .. 20261214090000_ReviewTodos), as EF 10.0.14 scripted them: databases of earlier releases look like this.
CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" character varying(150) NOT NULL,
    "ProductVersion" character varying(32) NOT NULL,
    CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId")
);

START TRANSACTION;
CREATE TABLE "DataProtectionKeys" (
    "Id" uuid NOT NULL,
    "FriendlyName" character varying(200) NOT NULL,
    "Xml" text NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_DataProtectionKeys_FriendlyName" ON "DataProtectionKeys" ("FriendlyName");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122070000_Initial', '10.0.14');

COMMIT;

START TRANSACTION;
CREATE TABLE "ReceivedDingTalkEvents" (
    "Id" uuid NOT NULL,
    "DedupeKey" character varying(128) NOT NULL,
    "EventType" character varying(64) NOT NULL,
    "Payload" text NOT NULL,
    "Channel" character varying(16) NOT NULL,
    "ReceivedAt" timestamp with time zone NOT NULL,
    "ProcessedAt" timestamp with time zone,
    CONSTRAINT "PK_ReceivedDingTalkEvents" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_ReceivedDingTalkEvents_DedupeKey" ON "ReceivedDingTalkEvents" ("DedupeKey");

CREATE INDEX "IX_ReceivedDingTalkEvents_ProcessedAt_ReceivedAt" ON "ReceivedDingTalkEvents" ("ProcessedAt", "ReceivedAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122080000_DingTalkEventInbox', '10.0.14');

COMMIT;

START TRANSACTION;
CREATE TABLE "Departments" (
    "Id" bigint NOT NULL,
    "ParentId" bigint,
    "Name" character varying(64) NOT NULL,
    "Order" integer NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Departments" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_Departments_ParentId" ON "Departments" ("ParentId");

CREATE TABLE "DepartmentClosures" (
    "AncestorId" bigint NOT NULL,
    "DescendantId" bigint NOT NULL,
    "Distance" integer NOT NULL,
    CONSTRAINT "PK_DepartmentClosures" PRIMARY KEY ("AncestorId", "DescendantId")
);

CREATE INDEX "IX_DepartmentClosures_DescendantId" ON "DepartmentClosures" ("DescendantId");

CREATE TABLE "People" (
    "Id" uuid NOT NULL,
    "UserId" character varying(64) NOT NULL,
    "UnionId" character varying(64),
    "Name" character varying(80) NOT NULL,
    "Mobile" character varying(32),
    "Title" character varying(200),
    "JobNumber" character varying(50),
    "Email" character varying(100),
    "AvatarUrl" character varying(500),
    "Active" boolean NOT NULL,
    "AdminLevel" integer NOT NULL,
    "HiredAt" timestamp with time zone,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_People" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_People_UserId" ON "People" ("UserId");

CREATE INDEX "IX_People_UnionId" ON "People" ("UnionId");

CREATE UNIQUE INDEX "IX_People_Mobile" ON "People" ("Mobile");

CREATE INDEX "IX_People_JobNumber" ON "People" ("JobNumber");

CREATE TABLE "PersonDepartments" (
    "PersonId" uuid NOT NULL,
    "DepartmentId" bigint NOT NULL,
    "IsLeader" boolean NOT NULL,
    CONSTRAINT "PK_PersonDepartments" PRIMARY KEY ("PersonId", "DepartmentId"),
    CONSTRAINT "FK_PersonDepartments_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_PersonDepartments_DepartmentId" ON "PersonDepartments" ("DepartmentId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122090000_DirectoryTables', '10.0.14');

COMMIT;

START TRANSACTION;
CREATE TABLE "Roles" (
    "Id" uuid NOT NULL,
    "Key" character varying(64) NOT NULL,
    "Name" character varying(100) NOT NULL,
    "IsBuiltIn" boolean NOT NULL,
    CONSTRAINT "PK_Roles" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_Roles_Key" ON "Roles" ("Key");

CREATE TABLE "RoleRules" (
    "Id" uuid NOT NULL,
    "RoleId" uuid NOT NULL,
    "Kind" integer NOT NULL,
    "DepartmentId" bigint,
    "IncludeSubdepartments" boolean NOT NULL,
    "Value" character varying(200),
    "PersonId" uuid,
    "Exclude" boolean NOT NULL,
    CONSTRAINT "PK_RoleRules" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_RoleRules_Roles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "Roles" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_RoleRules_RoleId" ON "RoleRules" ("RoleId");

CREATE TABLE "RoleMembers" (
    "RoleId" uuid NOT NULL,
    "PersonId" uuid NOT NULL,
    CONSTRAINT "PK_RoleMembers" PRIMARY KEY ("RoleId", "PersonId")
);

CREATE INDEX "IX_RoleMembers_PersonId" ON "RoleMembers" ("PersonId");

CREATE TABLE "Audiences" (
    "Id" uuid NOT NULL,
    "Everyone" boolean NOT NULL,
    CONSTRAINT "PK_Audiences" PRIMARY KEY ("Id")
);

CREATE TABLE "AudienceRules" (
    "Id" uuid NOT NULL,
    "AudienceId" uuid NOT NULL,
    "Kind" integer NOT NULL,
    "DepartmentId" bigint,
    "IncludeSubdepartments" boolean NOT NULL,
    "RoleId" uuid,
    "PersonId" uuid,
    "Exclude" boolean NOT NULL,
    CONSTRAINT "PK_AudienceRules" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AudienceRules_Audiences_AudienceId" FOREIGN KEY ("AudienceId") REFERENCES "Audiences" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AudienceRules_AudienceId" ON "AudienceRules" ("AudienceId");

CREATE INDEX "IX_AudienceRules_Kind_DepartmentId" ON "AudienceRules" ("Kind", "DepartmentId");

CREATE INDEX "IX_AudienceRules_Kind_PersonId" ON "AudienceRules" ("Kind", "PersonId");

CREATE INDEX "IX_AudienceRules_Kind_RoleId" ON "AudienceRules" ("Kind", "RoleId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122093000_RolesAndAudiences', '10.0.14');

COMMIT;

START TRANSACTION;
CREATE TABLE "ImportRuns" (
    "Id" uuid NOT NULL,
    "RequestedBy" character varying(64),
    "RequestedAt" timestamp with time zone NOT NULL,
    "Status" integer NOT NULL,
    "Phase" integer NOT NULL,
    "DepartmentsFound" integer NOT NULL,
    "DepartmentsListed" integer NOT NULL,
    "PeopleFound" integer NOT NULL,
    "PeopleApplied" integer NOT NULL,
    "Deactivated" integer NOT NULL,
    "Error" character varying(1000),
    "StartedAt" timestamp with time zone,
    "FinishedAt" timestamp with time zone,
    "LeaseUntil" timestamp with time zone,
    CONSTRAINT "PK_ImportRuns" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_ImportRuns_Status_RequestedAt" ON "ImportRuns" ("Status", "RequestedAt");

CREATE TABLE "ImportStagedDepartments" (
    "RunId" uuid NOT NULL,
    "DepartmentId" bigint NOT NULL,
    "ParentId" bigint,
    "Name" character varying(64) NOT NULL,
    "ChildrenListed" boolean NOT NULL,
    "PeopleListed" boolean NOT NULL,
    CONSTRAINT "PK_ImportStagedDepartments" PRIMARY KEY ("RunId", "DepartmentId")
);

CREATE TABLE "ImportStagedPeople" (
    "RunId" uuid NOT NULL,
    "UserId" character varying(64) NOT NULL,
    "Profile" text NOT NULL,
    "LeaderOf" character varying(2000) NOT NULL,
    CONSTRAINT "PK_ImportStagedPeople" PRIMARY KEY ("RunId", "UserId")
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122100000_OrgImport', '10.0.14');

COMMIT;

START TRANSACTION;
ALTER TABLE "People" ADD "DingTalkRoles" character varying(2000) NOT NULL DEFAULT '';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122110000_PersonDingTalkRoles', '10.0.14');

COMMIT;

START TRANSACTION;
CREATE TABLE "AuditEntries" (
    "Id" uuid NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "ActorId" uuid,
    "ActorName" character varying(80) NOT NULL,
    "Action" character varying(64) NOT NULL,
    "Subject" character varying(200) NOT NULL,
    "Before" text,
    "After" text,
    CONSTRAINT "PK_AuditEntries" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_AuditEntries_At" ON "AuditEntries" ("At");

CREATE INDEX "IX_AuditEntries_Action_At" ON "AuditEntries" ("Action", "At");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122120000_AuditLog', '10.0.14');

COMMIT;

START TRANSACTION;
CREATE TABLE "Articles" (
    "Id" uuid NOT NULL,
    "Kind" integer NOT NULL,
    "Status" integer NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Summary" character varying(500),
    "Body" text NOT NULL,
    "Category" character varying(50),
    "RequiresAcknowledgement" boolean NOT NULL,
    "Pinned" boolean NOT NULL,
    "ExpiresAt" timestamp with time zone,
    "AudienceId" uuid NOT NULL,
    "AuthorId" uuid NOT NULL,
    "ReviewedById" uuid,
    "RejectionComment" character varying(1000),
    "PublishAt" timestamp with time zone,
    "PublishedAt" timestamp with time zone,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Articles" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Articles_Audiences_AudienceId" FOREIGN KEY ("AudienceId") REFERENCES "Audiences" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_Articles_AudienceId" ON "Articles" ("AudienceId");

CREATE INDEX "IX_Articles_AuthorId" ON "Articles" ("AuthorId");

CREATE INDEX "IX_Articles_Status_PublishAt" ON "Articles" ("Status", "PublishAt");

CREATE INDEX "IX_Articles_Status_PublishedAt" ON "Articles" ("Status", "PublishedAt");

CREATE TABLE "ArticleHistory" (
    "Id" uuid NOT NULL,
    "ArticleId" uuid NOT NULL,
    "ActorId" uuid,
    "Action" character varying(32) NOT NULL,
    "Detail" character varying(1000),
    "At" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ArticleHistory" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ArticleHistory_Articles_ArticleId" FOREIGN KEY ("ArticleId") REFERENCES "Articles" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ArticleHistory_ArticleId_At" ON "ArticleHistory" ("ArticleId", "At");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122130000_Articles', '10.0.14');

COMMIT;

START TRANSACTION;
CREATE TABLE "OutboxMessages" (
    "Id" uuid NOT NULL,
    "Kind" character varying(64) NOT NULL,
    "Payload" text NOT NULL,
    "IdempotencyKey" character varying(200) NOT NULL,
    "Status" integer NOT NULL,
    "Attempts" integer NOT NULL,
    "NextAttemptAt" timestamp with time zone NOT NULL,
    "LeaseOwner" character varying(100),
    "LeaseUntil" timestamp with time zone,
    "LastError" character varying(2000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "DeliveredAt" timestamp with time zone,
    CONSTRAINT "PK_OutboxMessages" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_OutboxMessages_IdempotencyKey" ON "OutboxMessages" ("IdempotencyKey");

CREATE INDEX "IX_OutboxMessages_Status_NextAttemptAt" ON "OutboxMessages" ("Status", "NextAttemptAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122140000_Outbox', '10.0.14');

COMMIT;

START TRANSACTION;
ALTER TABLE "Articles" ADD "Notify" boolean NOT NULL DEFAULT TRUE;

ALTER TABLE "Articles" ADD "CoverImageId" uuid;

ALTER TABLE "Articles" ADD "RevisionOfId" uuid;

ALTER TABLE "Articles" ADD "SourceClientId" uuid;

CREATE INDEX "IX_Articles_RevisionOfId" ON "Articles" ("RevisionOfId");

CREATE TABLE "ArticleReceipts" (
    "ArticleId" uuid NOT NULL,
    "PersonId" uuid NOT NULL,
    "Notification" integer NOT NULL,
    "NotificationCode" character varying(16),
    "NotifiedAt" timestamp with time zone,
    "ReadAt" timestamp with time zone,
    "AcknowledgedAt" timestamp with time zone,
    "Reminders" integer NOT NULL,
    "RemindedAt" timestamp with time zone,
    CONSTRAINT "PK_ArticleReceipts" PRIMARY KEY ("ArticleId", "PersonId"),
    CONSTRAINT "FK_ArticleReceipts_Articles_ArticleId" FOREIGN KEY ("ArticleId") REFERENCES "Articles" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ArticleReceipts_PersonId" ON "ArticleReceipts" ("PersonId");

CREATE TABLE "ContentFiles" (
    "Id" uuid NOT NULL,
    "ArticleId" uuid,
    "Purpose" integer NOT NULL,
    "FileName" character varying(200) NOT NULL,
    "ContentType" character varying(100) NOT NULL,
    "Length" bigint NOT NULL,
    "Bytes" bytea NOT NULL,
    "UploadedById" uuid NOT NULL,
    "UploadedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ContentFiles" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_ContentFiles_ArticleId" ON "ContentFiles" ("ArticleId");

CREATE TABLE "NotificationDispatches" (
    "Id" uuid NOT NULL,
    "ArticleId" uuid NOT NULL,
    "Purpose" integer NOT NULL,
    "Message" text NOT NULL,
    "Recipients" integer NOT NULL,
    "CreatedById" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_NotificationDispatches" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_NotificationDispatches_Articles_ArticleId" FOREIGN KEY ("ArticleId") REFERENCES "Articles" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_NotificationDispatches_ArticleId_CreatedAt" ON "NotificationDispatches" ("ArticleId", "CreatedAt");

CREATE TABLE "NotificationCalls" (
    "Id" uuid NOT NULL,
    "DispatchId" uuid NOT NULL,
    "Index" integer NOT NULL,
    "ToAllUsers" boolean NOT NULL,
    "DepartmentIds" text NOT NULL,
    "UserIds" text NOT NULL,
    "TaskId" bigint,
    "SentAt" timestamp with time zone,
    "ResultAt" timestamp with time zone,
    CONSTRAINT "PK_NotificationCalls" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_NotificationCalls_NotificationDispatches_DispatchId" FOREIGN KEY ("DispatchId") REFERENCES "NotificationDispatches" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_NotificationCalls_DispatchId_Index" ON "NotificationCalls" ("DispatchId", "Index");

CREATE INDEX "IX_NotificationCalls_SentAt" ON "NotificationCalls" ("SentAt");

CREATE TABLE "IntegrationClients" (
    "Id" uuid NOT NULL,
    "Name" character varying(100) NOT NULL,
    "KeyHash" character varying(64) NOT NULL,
    "KeyPrefix" character varying(12) NOT NULL,
    "Scopes" character varying(500) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "RevokedAt" timestamp with time zone,
    "LastUsedAt" timestamp with time zone,
    CONSTRAINT "PK_IntegrationClients" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_IntegrationClients_KeyHash" ON "IntegrationClients" ("KeyHash");

CREATE UNIQUE INDEX "IX_IntegrationClients_Name" ON "IntegrationClients" ("Name");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122150000_ContentDelivery', '10.0.14');

COMMIT;

START TRANSACTION;
CREATE TABLE "IntegrationRequests" (
    "Id" uuid NOT NULL,
    "ClientId" uuid NOT NULL,
    "IdempotencyKey" character varying(100) NOT NULL,
    "RequestHash" character varying(64) NOT NULL,
    "ArticleId" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_IntegrationRequests" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_IntegrationRequests_Articles_ArticleId" FOREIGN KEY ("ArticleId") REFERENCES "Articles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_IntegrationRequests_IntegrationClients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "IntegrationClients" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_IntegrationRequests_ArticleId" ON "IntegrationRequests" ("ArticleId");

CREATE UNIQUE INDEX "IX_IntegrationRequests_ClientId_IdempotencyKey" ON "IntegrationRequests" ("ClientId", "IdempotencyKey");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122160000_IntegrationIdempotency', '10.0.14');

COMMIT;

START TRANSACTION;
CREATE INDEX "IX_Articles_Kind_Status_PublishedAt" ON "Articles" ("Kind", "Status", "PublishedAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122170000_ArticleKindIndex', '10.0.14');

COMMIT;

START TRANSACTION;
ALTER TABLE "IntegrationClients" ADD "WebhookUrl" character varying(1000);

ALTER TABLE "IntegrationClients" ADD "ProtectedWebhookSecret" character varying(2000);

ALTER TABLE "IntegrationClients" ADD "Enabled" boolean NOT NULL DEFAULT TRUE;

CREATE TABLE "Todos" (
    "Id" uuid NOT NULL,
    "ClientId" uuid NOT NULL,
    "ExternalId" character varying(128) NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Description" character varying(4000),
    "DueAt" timestamp with time zone,
    "Priority" integer NOT NULL,
    "DetailUrlMobile" character varying(1000),
    "DetailUrlPc" character varying(1000),
    "FormFields" text NOT NULL,
    "Actions" text NOT NULL,
    "Status" integer NOT NULL,
    "RequestHash" character varying(64) NOT NULL,
    "Decision" character varying(64),
    "DecisionComment" character varying(1000),
    "DecidedById" uuid,
    "DecidedAt" timestamp with time zone,
    "DingTalkTaskId" character varying(128),
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Todos" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Todos_IntegrationClients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "IntegrationClients" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_Todos_ClientId_ExternalId" ON "Todos" ("ClientId", "ExternalId");

CREATE INDEX "IX_Todos_Status_DueAt" ON "Todos" ("Status", "DueAt");

CREATE TABLE "TodoAssignees" (
    "TodoId" uuid NOT NULL,
    "PersonId" uuid NOT NULL,
    "NotifiedAt" timestamp with time zone,
    CONSTRAINT "PK_TodoAssignees" PRIMARY KEY ("TodoId", "PersonId"),
    CONSTRAINT "FK_TodoAssignees_Todos_TodoId" FOREIGN KEY ("TodoId") REFERENCES "Todos" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_TodoAssignees_PersonId" ON "TodoAssignees" ("PersonId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122180000_Todos', '10.0.14');

COMMIT;

START TRANSACTION;
CREATE INDEX "IX_Articles_Pinned" ON "Articles" ("Kind", "Status", "PublishedAt") WHERE "Pinned";

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122190000_PinnedNoticeIndex', '10.0.14');

COMMIT;

START TRANSACTION;
DROP INDEX "IX_Articles_Status_PublishedAt";

CREATE INDEX "IX_Articles_Status_PublishedAt_Id" ON "Articles" ("Status", "PublishedAt", "Id");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122200000_FeedIndexWithId', '10.0.14');

COMMIT;

START TRANSACTION;
DROP INDEX "IX_Articles_Pinned";

DROP INDEX "IX_Articles_Kind_Status_PublishedAt";

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122210000_DropNoticeWalkIndexes', '10.0.14');

COMMIT;

START TRANSACTION;
CREATE INDEX "IX_TodoAssignees_NotifiedAt" ON "TodoAssignees" ("NotifiedAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122220000_TodoAssigneeNotifiedIndex', '10.0.14');

COMMIT;

START TRANSACTION;
ALTER TABLE "ReceivedDingTalkEvents" ADD "Attempts" integer NOT NULL DEFAULT 0;

ALTER TABLE "ReceivedDingTalkEvents" ADD "NextAttemptAt" timestamp with time zone;

ALTER TABLE "ReceivedDingTalkEvents" ADD "LockedUntil" timestamp with time zone;

ALTER TABLE "ReceivedDingTalkEvents" ADD "Error" character varying(500);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207090000_DingTalkEventRetries', '10.0.14');

COMMIT;

START TRANSACTION;
CREATE TABLE "ReviewTodos" (
    "Id" uuid NOT NULL,
    "ArticleId" uuid NOT NULL,
    "PersonId" uuid NOT NULL,
    "Status" integer NOT NULL,
    "Outcome" integer,
    "DecidedById" uuid,
    "DecidedAt" timestamp with time zone,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "NotifiedAt" timestamp with time zone,
    CONSTRAINT "PK_ReviewTodos" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ReviewTodos_Articles_ArticleId" FOREIGN KEY ("ArticleId") REFERENCES "Articles" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ReviewTodos_ArticleId" ON "ReviewTodos" ("ArticleId");

CREATE INDEX "IX_ReviewTodos_PersonId_Status" ON "ReviewTodos" ("PersonId", "Status");

CREATE INDEX "IX_ReviewTodos_NotifiedAt" ON "ReviewTodos" ("NotifiedAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261214090000_ReviewTodos', '10.0.14');

COMMIT;


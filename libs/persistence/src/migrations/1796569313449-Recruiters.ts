import { MigrationInterface, QueryRunner } from 'typeorm';

export class Recruiters1796569313449 implements MigrationInterface {
  name = 'Recruiters1796569313449';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "audit_log" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "organization_id" uuid,
                "actor" character varying(64) NOT NULL,
                "action" character varying(48) NOT NULL,
                "subject_type" character varying(24) NOT NULL,
                "subject_id" character varying(253) NOT NULL,
                "diff" jsonb NOT NULL DEFAULT '{}',
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_log_org" ON "audit_log" ("organization_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "banned_domains" (
                "domain" character varying(253) NOT NULL,
                "reason" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_1d5ac3b122d157f99e720706001" PRIMARY KEY ("domain")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "job_reports" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "listing_id" uuid NOT NULL,
                "reason" character varying(16) NOT NULL,
                "details" text NOT NULL DEFAULT '',
                "email" character varying(254),
                "client_hash" character varying(64) NOT NULL,
                "resolved_at" TIMESTAMP WITH TIME ZONE,
                "resolution" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_473b95d2edd59348f7ea1f4e992" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_job_reports_open" ON "job_reports" ("resolved_at", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "organization_api_keys" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "name" text NOT NULL,
                "label" character varying(16) NOT NULL,
                "key_hash" character varying(64) NOT NULL,
                "created_by" uuid NOT NULL,
                "last_used_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_07137fbebe6baa000e02b83a1ca" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_organization_api_keys_hash" ON "organization_api_keys" ("key_hash")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_organization_api_keys_org" ON "organization_api_keys" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "organization_invitations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "email" character varying(254) NOT NULL,
                "role" character varying(16) NOT NULL,
                "token_hash" character varying(64) NOT NULL,
                "invited_by" uuid NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "accepted_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f172f12b8a9ee6584b661f57e24" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_organization_invitations_token" ON "organization_invitations" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_organization_invitations_org" ON "organization_invitations" ("organization_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "organization_members" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "recruiter_id" uuid NOT NULL,
                "role" character varying(16) NOT NULL,
                "removed_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_c2b39d5d072886a4d9c8105eb9a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_organization_members_recruiter" ON "organization_members" ("recruiter_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_organization_members_active" ON "organization_members" ("organization_id", "recruiter_id")
            WHERE removed_at IS NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "organizations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "kind" character varying(16) NOT NULL,
                "website" text,
                "domain" character varying(253),
                "verified_at" TIMESTAMP WITH TIME ZONE,
                "verified_by" character varying(16),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_organizations_domain" ON "organizations" ("domain")
        `);
    await queryRunner.query(`
            CREATE TABLE "recruiter_posting_stats" (
                "posting_id" uuid NOT NULL,
                "day" date NOT NULL,
                "views" integer NOT NULL DEFAULT '0',
                "appearances" integer NOT NULL DEFAULT '0',
                "apply_clicks" integer NOT NULL DEFAULT '0',
                CONSTRAINT "PK_9b53fd4cf2e809f539329b11a63" PRIMARY KEY ("posting_id", "day")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "recruiter_postings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_by" character varying(64) NOT NULL,
                "state" character varying(16) NOT NULL,
                "closed_reason" character varying(16),
                "reject_reason" text,
                "title" text NOT NULL,
                "fields" jsonb NOT NULL,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "valid_through" TIMESTAMP WITH TIME ZONE,
                "renewal_reminded_at" TIMESTAMP WITH TIME ZONE,
                "reposted_from" uuid,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_26de6812c245223e927611a2bd0" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_recruiter_postings_state" ON "recruiter_postings" ("state", "valid_through")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_recruiter_postings_org" ON "recruiter_postings" ("organization_id", "updated_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "recruiter_sessions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "recruiter_id" uuid NOT NULL,
                "token_hash" character varying(64) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ended_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_2dcf3344ce703428aa86e9ee2ab" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_recruiter_sessions_token" ON "recruiter_sessions" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "recruiters" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" character varying(254) NOT NULL,
                "last_sign_in_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_1999e5a8e68fa6c525eed22c970" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_recruiters_email" ON "recruiters" ("email")
        `);
    await queryRunner.query(`
            CREATE TABLE "recruiter_sign_in_links" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" character varying(254) NOT NULL,
                "token_hash" character varying(64) NOT NULL,
                "client_hash" character varying(64) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6f6ffaeeadf8c200cdd46608a99" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_recruiter_sign_in_links_token" ON "recruiter_sign_in_links" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_recruiter_sign_in_links_client" ON "recruiter_sign_in_links" ("client_hash", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_recruiter_sign_in_links_email" ON "recruiter_sign_in_links" ("email", "created_at")
        `);
    // The audit log is append-only: no statement may change or remove a row, whoever runs it.
    await queryRunner.query(`
            CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
            END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER tr_audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log"
            FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()
        `);
    await queryRunner.query(`
            CREATE TRIGGER tr_audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
            FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER tr_audit_log_no_truncate ON "audit_log"`);
    await queryRunner.query(`DROP TRIGGER tr_audit_log_append_only ON "audit_log"`);
    await queryRunner.query(`DROP FUNCTION audit_log_append_only()`);
    await queryRunner.query(`
            DROP INDEX "public"."ix_recruiter_sign_in_links_email"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_recruiter_sign_in_links_client"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_recruiter_sign_in_links_token"
        `);
    await queryRunner.query(`
            DROP TABLE "recruiter_sign_in_links"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_recruiters_email"
        `);
    await queryRunner.query(`
            DROP TABLE "recruiters"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_recruiter_sessions_token"
        `);
    await queryRunner.query(`
            DROP TABLE "recruiter_sessions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_recruiter_postings_org"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_recruiter_postings_state"
        `);
    await queryRunner.query(`
            DROP TABLE "recruiter_postings"
        `);
    await queryRunner.query(`
            DROP TABLE "recruiter_posting_stats"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_organizations_domain"
        `);
    await queryRunner.query(`
            DROP TABLE "organizations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_organization_members_active"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_organization_members_recruiter"
        `);
    await queryRunner.query(`
            DROP TABLE "organization_members"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_organization_invitations_org"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_organization_invitations_token"
        `);
    await queryRunner.query(`
            DROP TABLE "organization_invitations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_organization_api_keys_org"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_organization_api_keys_hash"
        `);
    await queryRunner.query(`
            DROP TABLE "organization_api_keys"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_job_reports_open"
        `);
    await queryRunner.query(`
            DROP TABLE "job_reports"
        `);
    await queryRunner.query(`
            DROP TABLE "banned_domains"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_audit_log_org"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_log"
        `);
  }
}

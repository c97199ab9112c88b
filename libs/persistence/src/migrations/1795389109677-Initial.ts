import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795389109677 implements MigrationInterface {
  name = 'Initial1795389109677';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "employers" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "normalized_name" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f2c1aea3e8d7aa3c5fba949c97d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_employers_normalized_name" ON "employers" ("normalized_name")
        `);
    await queryRunner.query(`
            CREATE TABLE "sources" (
                "id" character varying(64) NOT NULL,
                "kind" character varying(32) NOT NULL,
                "name" text NOT NULL,
                "config" jsonb NOT NULL DEFAULT '{}',
                "enabled" boolean NOT NULL DEFAULT true,
                "interval_minutes" integer NOT NULL DEFAULT '360',
                "last_run_at" TIMESTAMP WITH TIME ZONE,
                "last_success_at" TIMESTAMP WITH TIME ZONE,
                "last_error_code" character varying(64),
                "last_error_message" text,
                "consecutive_failures" integer NOT NULL DEFAULT '0',
                "cooldown_until" TIMESTAMP WITH TIME ZONE,
                "next_run_at" TIMESTAMP WITH TIME ZONE,
                "validators" jsonb NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_85523beafe5a2a6b90b02096443" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "ingestion_runs" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "source_id" character varying(64) NOT NULL,
                "trigger" character varying(16) NOT NULL,
                "status" character varying(16) NOT NULL,
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                "duration_ms" integer,
                "complete" boolean NOT NULL DEFAULT false,
                "fetched" integer NOT NULL DEFAULT '0',
                "new_count" integer NOT NULL DEFAULT '0',
                "updated" integer NOT NULL DEFAULT '0',
                "unchanged" integer NOT NULL DEFAULT '0',
                "closed" integer NOT NULL DEFAULT '0',
                "reopened" integer NOT NULL DEFAULT '0',
                "skipped" integer NOT NULL DEFAULT '0',
                "skipped_reasons" jsonb NOT NULL DEFAULT '{}',
                "error_code" character varying(64),
                "error_message" text,
                CONSTRAINT "PK_e9476c02c52a0dac026b859858a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_ingestion_runs_source_started" ON "ingestion_runs" ("source_id", "started_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "listings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "origin" character varying(16) NOT NULL DEFAULT 'feed',
                "status" character varying(16) NOT NULL DEFAULT 'open',
                "closed_reason" character varying(32),
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "fingerprint" character varying(64) NOT NULL,
                "content_fingerprint" character varying(64),
                "employer_id" uuid,
                "employer_name" text,
                "title" text NOT NULL,
                "url" text,
                "role" character varying(32) NOT NULL,
                "certs_required" text array NOT NULL DEFAULT '{}',
                "certs_any_of" jsonb NOT NULL DEFAULT '[]',
                "certs_preferred" text array NOT NULL DEFAULT '{}',
                "certs_all" text array NOT NULL DEFAULT '{}',
                "certs_within_days" integer,
                "certs_equivalent_accepted" boolean NOT NULL DEFAULT false,
                "certs_apprentice_accepted" boolean NOT NULL DEFAULT false,
                "specialties" text array NOT NULL DEFAULT '{}',
                "coding_systems" text array NOT NULL DEFAULT '{}',
                "work_mode" character varying(16) NOT NULL,
                "remote_states" text array,
                "remote_excluded_states" text array NOT NULL DEFAULT '{}',
                "remote_country" character varying(2),
                "locations" jsonb NOT NULL DEFAULT '[]',
                "states" text array NOT NULL DEFAULT '{}',
                "lat" double precision,
                "lon" double precision,
                "salary_min" numeric(12, 2),
                "salary_max" numeric(12, 2),
                "salary_period" character varying(8),
                "salary_currency" character varying(3),
                "pay_annual_min" integer,
                "pay_annual_max" integer,
                "employment_type" character varying(16) NOT NULL DEFAULT 'unknown',
                "min_years_experience" real,
                "education" text,
                "ehr_systems" text array NOT NULL DEFAULT '{}',
                "encoder_systems" text array NOT NULL DEFAULT '{}',
                "posted_at" TIMESTAMP WITH TIME ZONE,
                "sort_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "valid_through" TIMESTAMP WITH TIME ZONE,
                "description_html" text NOT NULL DEFAULT '',
                "description_text" text NOT NULL DEFAULT '',
                "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_520ecac6c99ec90bcf5a603cdcb" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_listings_fingerprint" ON "listings" ("fingerprint")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_listings_content_fingerprint" ON "listings" ("content_fingerprint")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_listings_status_posted" ON "listings" ("status", "sort_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "listing_locations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "listing_id" uuid NOT NULL,
                "city" text,
                "state" character varying(2),
                "postal_code" character varying(10),
                "lat" double precision,
                "lon" double precision,
                CONSTRAINT "PK_a47d249b0f2f47df6d3c52e7312" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_listing_locations_listing" ON "listing_locations" ("listing_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_listing_locations_lat_lon" ON "listing_locations" ("lat", "lon")
        `);
    await queryRunner.query(`
            CREATE TABLE "source_postings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "source_id" character varying(64) NOT NULL,
                "external_id" text NOT NULL,
                "listing_id" uuid NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'active',
                "closed_reason" character varying(32),
                "missed_runs" integer NOT NULL DEFAULT '0',
                "content_hash" character varying(64) NOT NULL,
                "url" text,
                "raw" jsonb NOT NULL,
                "normalized" jsonb NOT NULL,
                "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "uq_source_postings_source_external" UNIQUE ("source_id", "external_id"),
                CONSTRAINT "PK_1230f92fe67124c9d58976d00f2" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_source_postings_listing" ON "source_postings" ("listing_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "ingestion_runs"
            ADD CONSTRAINT "FK_55a938c7a5e004b0c3d81d7c69e" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "listings"
            ADD CONSTRAINT "FK_91bc7c8d346a412925aace35383" FOREIGN KEY ("employer_id") REFERENCES "employers"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "listing_locations"
            ADD CONSTRAINT "FK_f7d83e233697d0f58c19abdee8e" FOREIGN KEY ("listing_id") REFERENCES "listings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "source_postings"
            ADD CONSTRAINT "FK_a92bed738cf29d91ba860dd3ca0" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "source_postings"
            ADD CONSTRAINT "FK_1806bbde228d844d3ab10467d0d" FOREIGN KEY ("listing_id") REFERENCES "listings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "source_postings" DROP CONSTRAINT "FK_1806bbde228d844d3ab10467d0d"
        `);
    await queryRunner.query(`
            ALTER TABLE "source_postings" DROP CONSTRAINT "FK_a92bed738cf29d91ba860dd3ca0"
        `);
    await queryRunner.query(`
            ALTER TABLE "listing_locations" DROP CONSTRAINT "FK_f7d83e233697d0f58c19abdee8e"
        `);
    await queryRunner.query(`
            ALTER TABLE "listings" DROP CONSTRAINT "FK_91bc7c8d346a412925aace35383"
        `);
    await queryRunner.query(`
            ALTER TABLE "ingestion_runs" DROP CONSTRAINT "FK_55a938c7a5e004b0c3d81d7c69e"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_source_postings_listing"
        `);
    await queryRunner.query(`
            DROP TABLE "source_postings"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_listing_locations_lat_lon"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_listing_locations_listing"
        `);
    await queryRunner.query(`
            DROP TABLE "listing_locations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_listings_status_posted"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_listings_content_fingerprint"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_listings_fingerprint"
        `);
    await queryRunner.query(`
            DROP TABLE "listings"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_ingestion_runs_source_started"
        `);
    await queryRunner.query(`
            DROP TABLE "ingestion_runs"
        `);
    await queryRunner.query(`
            DROP TABLE "sources"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_employers_normalized_name"
        `);
    await queryRunner.query(`
            DROP TABLE "employers"
        `);
  }
}

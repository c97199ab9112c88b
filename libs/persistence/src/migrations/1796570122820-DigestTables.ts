import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail digests: subscriptions, the outbox (one row per subscription and period, unique), the
 * suppression list, and `listing_openings`, when each listing last became open.
 *
 * Openings are stamped by statement-level triggers on listings with the writing transaction's id
 * (as ListingChangeXid does for the search index): a digest keeps the snapshot it read its listings
 * in as its watermark, and the next one takes openings that snapshot did not see. Visibility, not a
 * timestamp or a sequence, so a transaction that commits after a later one is still caught. Listings
 * open before this migration get no row: they are not new to anyone.
 */

export class DigestTables1796570122820 implements MigrationInterface {
  name = 'DigestTables1796570122820';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "digest_subscriptions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" text NOT NULL,
                "email_key" text NOT NULL,
                "kind" character varying(8) NOT NULL,
                "criteria" jsonb,
                "search_query" text NOT NULL DEFAULT '',
                "candidate_id" uuid,
                "frequency" character varying(8) NOT NULL,
                "send_hour" smallint NOT NULL,
                "send_weekday" smallint NOT NULL DEFAULT '1',
                "time_zone" character varying(64) NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'pending',
                "confirm_token_hash" character varying(64),
                "confirm_expires_at" TIMESTAMP WITH TIME ZONE,
                "watermark" text,
                "next_due_at" TIMESTAMP WITH TIME ZONE,
                "confirmed_at" TIMESTAMP WITH TIME ZONE,
                "last_activity_at" TIMESTAMP WITH TIME ZONE,
                "reconfirm_sent_at" TIMESTAMP WITH TIME ZONE,
                "link_version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_d2d6857d0a0ec957fff3fbb0ba9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_digest_subscriptions_pending" ON "digest_subscriptions" ("created_at")
            WHERE "status" = 'pending'
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_digest_subscriptions_email_key" ON "digest_subscriptions" ("email_key")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_digest_subscriptions_due" ON "digest_subscriptions" ("next_due_at")
            WHERE "status" = 'confirmed'
        `);
    await queryRunner.query(`
            CREATE TABLE "digest_outbox" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "subscription_id" uuid NOT NULL,
                "period" character varying(32) NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'composed',
                "subject" text NOT NULL,
                "text_body" text NOT NULL,
                "html_body" text NOT NULL,
                "listing_ids" uuid array NOT NULL,
                "match_count" integer NOT NULL,
                "send_attempts" integer NOT NULL DEFAULT '0',
                "last_error" character varying(120),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "claimed_at" TIMESTAMP WITH TIME ZONE,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "uq_digest_outbox_subscription_period" UNIQUE ("subscription_id", "period"),
                CONSTRAINT "PK_f2ac373e445889a0dac48c52fa6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_digest_outbox_unsent" ON "digest_outbox" ("created_at")
            WHERE "status" = 'composed'
        `);
    await queryRunner.query(`
            CREATE TABLE "listing_openings" (
                "listing_id" uuid NOT NULL,
                "opened_xid" bigint NOT NULL,
                "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_2f87ad15a981ce84abcf4e50f45" PRIMARY KEY ("listing_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_listing_openings_xid" ON "listing_openings" ("opened_xid")
        `);
    await queryRunner.query(`
            CREATE TABLE "mail_suppressions" (
                "email_key" text NOT NULL,
                "reason" character varying(16) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7de6baca8a71e9b500cbef8898f" PRIMARY KEY ("email_key")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "digest_subscriptions"
            ADD CONSTRAINT "FK_7b83c5970c2a97ed38bb56a350a" FOREIGN KEY ("candidate_id") REFERENCES "candidates"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "digest_outbox"
            ADD CONSTRAINT "FK_b55b7ce9e7819c11e982b3d8236" FOREIGN KEY ("subscription_id") REFERENCES "digest_subscriptions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "listing_openings"
            ADD CONSTRAINT "FK_2f87ad15a981ce84abcf4e50f45" FOREIGN KEY ("listing_id") REFERENCES "listings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    // One insert per statement (a bulk upsert of listings is one statement): rows inserted open,
    // and rows an update moved from closed to open.
    await queryRunner.query(`
            CREATE FUNCTION "listings_record_openings"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    INSERT INTO "listing_openings" ("listing_id", "opened_xid")
                        SELECT n."id", pg_current_xact_id()::text::bigint FROM "opened_new" n
                        WHERE n."status" = 'open'
                        ON CONFLICT ("listing_id") DO UPDATE
                        SET "opened_xid" = EXCLUDED."opened_xid", "opened_at" = now();
                ELSE
                    INSERT INTO "listing_openings" ("listing_id", "opened_xid")
                        SELECT n."id", pg_current_xact_id()::text::bigint
                        FROM "opened_new" n JOIN "opened_old" o ON o."id" = n."id"
                        WHERE n."status" = 'open' AND o."status" <> 'open'
                        ON CONFLICT ("listing_id") DO UPDATE
                        SET "opened_xid" = EXCLUDED."opened_xid", "opened_at" = now();
                END IF;
                RETURN NULL;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "tr_listings_openings_insert" AFTER INSERT ON "listings"
            REFERENCING NEW TABLE AS "opened_new" FOR EACH STATEMENT EXECUTE FUNCTION "listings_record_openings"()
        `);
    await queryRunner.query(`
            CREATE TRIGGER "tr_listings_openings_update" AFTER UPDATE ON "listings"
            REFERENCING OLD TABLE AS "opened_old" NEW TABLE AS "opened_new"
            FOR EACH STATEMENT EXECUTE FUNCTION "listings_record_openings"()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tr_listings_openings_update" ON "listings"`);
    await queryRunner.query(`DROP TRIGGER "tr_listings_openings_insert" ON "listings"`);
    await queryRunner.query(`DROP FUNCTION "listings_record_openings"()`);
    await queryRunner.query(`
            ALTER TABLE "listing_openings" DROP CONSTRAINT "FK_2f87ad15a981ce84abcf4e50f45"
        `);
    await queryRunner.query(`
            ALTER TABLE "digest_outbox" DROP CONSTRAINT "FK_b55b7ce9e7819c11e982b3d8236"
        `);
    await queryRunner.query(`
            ALTER TABLE "digest_subscriptions" DROP CONSTRAINT "FK_7b83c5970c2a97ed38bb56a350a"
        `);
    await queryRunner.query(`
            DROP TABLE "mail_suppressions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_listing_openings_xid"
        `);
    await queryRunner.query(`
            DROP TABLE "listing_openings"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_digest_outbox_unsent"
        `);
    await queryRunner.query(`
            DROP TABLE "digest_outbox"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_digest_subscriptions_due"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_digest_subscriptions_email_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_digest_subscriptions_pending"
        `);
    await queryRunner.query(`
            DROP TABLE "digest_subscriptions"
        `);
  }
}

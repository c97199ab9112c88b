import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A tombstone for every deleted listing, stamped with the deleting transaction's id, so that the
 * API's in-memory index catches up on deletes as it does on writes (ListingChangeXid): a deleted row
 * leaves nothing in `listings` to find. The service closes listings rather than deleting them, but an
 * operator may delete rows (or a recruiter's account, later), and without this the index would keep
 * serving them until its next rebuild.
 *
 * One statement-level trigger records the whole statement's rows at once (a bulk delete is one
 * insert) and drops tombstones older than a week: an API process reads them within a second or two,
 * and one that could not reach the database for a week loads afresh anyway.
 */
export class ListingDeletions1795396000000 implements MigrationInterface {
  name = 'ListingDeletions1795396000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "listing_deletions" (
                "deleted_xid" bigint NOT NULL,
                "listing_id" uuid NOT NULL,
                "deleted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_listing_deletions" PRIMARY KEY ("deleted_xid", "listing_id")
            )
        `);
    await queryRunner.query(`
            CREATE FUNCTION "listings_record_deletions"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO "listing_deletions" ("deleted_xid", "listing_id")
                    SELECT pg_current_xact_id()::text::bigint, "id" FROM "gone"
                    ON CONFLICT DO NOTHING;
                DELETE FROM "listing_deletions" WHERE "deleted_at" < now() - interval '7 days';
                RETURN NULL;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "tr_listings_record_deletions" AFTER DELETE ON "listings"
            REFERENCING OLD TABLE AS "gone" FOR EACH STATEMENT EXECUTE FUNCTION "listings_record_deletions"()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tr_listings_record_deletions" ON "listings"`);
    await queryRunner.query(`DROP FUNCTION "listings_record_deletions"()`);
    await queryRunner.query(`DROP TABLE "listing_deletions"`);
  }
}

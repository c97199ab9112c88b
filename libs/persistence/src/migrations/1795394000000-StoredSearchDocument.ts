import type { MigrationInterface, QueryRunner } from 'typeorm';

// The weighted documents, written once here for the trigger, the backfill and down().
const TITLE_EMPLOYER = `setweight(to_tsvector('english'::regconfig, "title"), 'A')
    || setweight(to_tsvector('english'::regconfig, coalesce("employer_name", '')), 'B')`;
const DESCRIPTION = `setweight(to_tsvector('english'::regconfig, "description_text"), 'C')`;

/**
 * Full-text search reads stored tsvectors instead of GIN indexes on expressions. With an expression
 * index every recheck (phrases, lossy matches) re-parsed the row's description: about 80 us a row,
 * a second for one phrase query at a million listings. Stored, a recheck is a read.
 *
 * The columns are kept by a trigger rather than declared GENERATED: adding a generated column is not
 * something the ORM's schema diff models, and a trigger covers every write path (the ingestion bulk
 * insert, em.update, recruiter postings) without any of them writing the columns.
 * title_document (title and employer only) is what the relevance groups test first.
 */
export class StoredSearchDocument1795394000000 implements MigrationInterface {
  name = 'StoredSearchDocument1795394000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "listings" ADD "search_document" tsvector`);
    await queryRunner.query(`ALTER TABLE "listings" ADD "title_document" tsvector`);
    // One pass over the table for both columns, before the trigger exists (it would recompute them).
    await queryRunner.query(`
            UPDATE "listings" SET
                "title_document" = ${TITLE_EMPLOYER},
                "search_document" = ${TITLE_EMPLOYER} || ${DESCRIPTION}
        `);
    await queryRunner.query(`
            CREATE FUNCTION "listings_search_document_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW."title_document" := setweight(to_tsvector('english'::regconfig, NEW."title"), 'A')
                    || setweight(to_tsvector('english'::regconfig, coalesce(NEW."employer_name", '')), 'B');
                NEW."search_document" := NEW."title_document"
                    || setweight(to_tsvector('english'::regconfig, NEW."description_text"), 'C');
                RETURN NEW;
            END
            $$
        `);
    // UPDATE OF the source columns only: the frequent writes (status, timestamps) skip the parse.
    await queryRunner.query(`
            CREATE TRIGGER "tr_listings_search_document" BEFORE INSERT OR UPDATE OF "title", "employer_name", "description_text"
            ON "listings" FOR EACH ROW EXECUTE FUNCTION "listings_search_document_refresh"()
        `);
    await queryRunner.query(`DROP INDEX "public"."ix_listings_open_search_document"`);
    await queryRunner.query(`DROP INDEX "public"."ix_listings_open_title_employer_document"`);
    await queryRunner.query(
      `CREATE INDEX "ix_listings_open_search_document" ON "listings" USING gin ("search_document") WHERE "status" = 'open'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_listings_open_title_employer_document" ON "listings" USING gin ("title_document") WHERE "status" = 'open'`,
    );
    // The statistics on the expressions described nothing queries read any more; ANALYZE gathers
    // the columns' own lexeme statistics, which the planner needs from the first query on.
    await queryRunner.query(`DROP STATISTICS IF EXISTS "public"."st_listings_search_document"`);
    await queryRunner.query(`DROP STATISTICS IF EXISTS "public"."st_listings_title_employer_document"`);
    // Commute circles: the coordinates and the listing id from the index alone, no table reads (13,000
    // of them for a 10-mile circle around a city at a million listings).
    await queryRunner.query(`DROP INDEX "public"."ix_listing_locations_lat_lon"`);
    await queryRunner.query(
      `CREATE INDEX "ix_listing_locations_lat_lon" ON "listing_locations" ("lat", "lon") INCLUDE ("listing_id")`,
    );
    await queryRunner.query(`ANALYZE "listings"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_listing_locations_lat_lon"`);
    await queryRunner.query(
      `CREATE INDEX "ix_listing_locations_lat_lon" ON "listing_locations" ("lat", "lon")`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_listings_open_title_employer_document"`);
    await queryRunner.query(`DROP INDEX "public"."ix_listings_open_search_document"`);
    await queryRunner.query(`
            CREATE INDEX "ix_listings_open_search_document" ON "listings" USING gin ((
                ${TITLE_EMPLOYER} || ${DESCRIPTION}
            )) WHERE "status" = 'open'
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_listings_open_title_employer_document" ON "listings" USING gin ((
                ${TITLE_EMPLOYER}
            )) WHERE "status" = 'open'
        `);
    await queryRunner.query(`
            CREATE STATISTICS IF NOT EXISTS "st_listings_search_document" ON ((
                ${TITLE_EMPLOYER} || ${DESCRIPTION}
            )) FROM "listings"
        `);
    await queryRunner.query(`
            CREATE STATISTICS IF NOT EXISTS "st_listings_title_employer_document" ON ((
                ${TITLE_EMPLOYER}
            )) FROM "listings"
        `);
    await queryRunner.query(`DROP TRIGGER "tr_listings_search_document" ON "listings"`);
    await queryRunner.query(`DROP FUNCTION "listings_search_document_refresh"()`);
    await queryRunner.query(`ALTER TABLE "listings" DROP COLUMN "title_document"`);
    await queryRunner.query(`ALTER TABLE "listings" DROP COLUMN "search_document"`);
  }
}

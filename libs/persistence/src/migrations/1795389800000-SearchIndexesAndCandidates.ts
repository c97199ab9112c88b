import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search and matching: the candidates table, and the indexes behind GET /api/v1/listings and the
 * match pre-filter. The hand-made indexes (expression, trigram, GIN, partial) are declared on the
 * entities with `synchronize: false`, so migration:generate leaves them alone.
 *
 * Most indexes are partial on status = 'open': public search and matching only read open listings,
 * and closed ones pile up (three in four rows in a long-running deployment).
 */
export class SearchIndexesAndCandidates1795389800000 implements MigrationInterface {
  name = 'SearchIndexesAndCandidates1795389800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "candidates" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "profile" jsonb NOT NULL,
                "home_lat" double precision,
                "home_lon" double precision,
                "state" character varying(2) NOT NULL,
                "token_hash" character varying(64) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_140681296bf033ab1eb95288abb" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // Full text: the same expression as SEARCH_DOCUMENT_SQL in libs/search (it must match exactly for
    // the planner to use the index). Title weighs most, then employer, then the description.
    await queryRunner.query(`
            CREATE INDEX "ix_listings_open_search_document" ON "listings" USING gin ((
                setweight(to_tsvector('english'::regconfig, "title"), 'A')
                || setweight(to_tsvector('english'::regconfig, coalesce("employer_name", '')), 'B')
                || setweight(to_tsvector('english'::regconfig, "description_text"), 'C')
            )) WHERE "status" = 'open'
        `);
    // Relevance puts title and employer matches first (TITLE_EMPLOYER_DOCUMENT_SQL): this finds them.
    await queryRunner.query(`
            CREATE INDEX "ix_listings_open_title_employer_document" ON "listings" USING gin ((
                setweight(to_tsvector('english'::regconfig, "title"), 'A')
                || setweight(to_tsvector('english'::regconfig, coalesce("employer_name", '')), 'B')
            )) WHERE "status" = 'open'
        `);
    // The employer filter is a case-insensitive "contains": trigrams answer ILIKE '%...%'.
    await queryRunner.query(`
            CREATE INDEX "ix_listings_open_employer_trgm" ON "listings" USING gin ("employer_name" gin_trgm_ops)
            WHERE "status" = 'open'
        `);
    // Array filters and facets (@>, &&).
    for (const column of ['certs_all', 'specialties', 'coding_systems', 'states']) {
      await queryRunner.query(
        `CREATE INDEX "ix_listings_open_${column}" ON "listings" USING gin ("${column}") WHERE "status" = 'open'`,
      );
    }
    // Newest first: keyset paging for sort=newest and the relevance groups, and the match pool. The
    // included columns are the ones the match pre-filter, the common filters and the facets read, so
    // those scans read this index alone (about 60 MB at 250,000 open listings), not the wide rows.
    await queryRunner.query(`
            CREATE INDEX "ix_listings_open_sort_at" ON "listings" ("sort_at" DESC, "id" DESC)
            INCLUDE ("role", "work_mode", "employment_type", "specialties", "remote_states",
                     "remote_excluded_states", "remote_country", "certs_required", "certs_any_of",
                     "certs_within_days", "salary_period", "pay_annual_min", "pay_annual_max",
                     "certs_all", "states", "coding_systems")
            WHERE "status" = 'open'
        `);
    // sort=pay and minPay read the same expression.
    await queryRunner.query(`
            CREATE INDEX "ix_listings_open_pay" ON "listings" ((coalesce("pay_annual_max", -1)) DESC, "id" DESC)
            WHERE "status" = 'open'
        `);
    // The planner reads no statistics from partial expression indexes, so without these it guesses
    // every text query matches 0.5% of listings and, for a common word, picks a plan that rechecks
    // every match (seconds instead of a millisecond at a million listings).
    await queryRunner.query(`
            CREATE STATISTICS IF NOT EXISTS "st_listings_search_document" ON ((
                setweight(to_tsvector('english'::regconfig, "title"), 'A')
                || setweight(to_tsvector('english'::regconfig, coalesce("employer_name", '')), 'B')
                || setweight(to_tsvector('english'::regconfig, "description_text"), 'C')
            )) FROM "listings"
        `);
    await queryRunner.query(`
            CREATE STATISTICS IF NOT EXISTS "st_listings_title_employer_document" ON ((
                setweight(to_tsvector('english'::regconfig, "title"), 'A')
                || setweight(to_tsvector('english'::regconfig, coalesce("employer_name", '')), 'B')
            )) FROM "listings"
        `);
    // JIT compilation off for this database's sessions: search and matching run many short queries
    // whose cost estimates still pass jit_above_cost, and compiling took 2.2 s of a 2.6 s match query
    // at a million listings. Needs the database's owner; without that right it is left as it was.
    await queryRunner.query(`
            DO $$ BEGIN
                EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
            EXCEPTION WHEN insufficient_privilege THEN
                RAISE NOTICE 'jit left on: only the database owner can turn it off for the database';
            END $$
        `);
    // Listing locations sit on a few thousand ZIP centroids, so latitude and longitude are far from
    // independent; without this the planner misjudges "within N miles" by an order of magnitude and
    // picks the wrong side of the join.
    await queryRunner.query(`
            CREATE STATISTICS IF NOT EXISTS "st_listing_locations_lat_lon" (mcv) ON "lat", "lon" FROM "listing_locations"
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DO $$ BEGIN
                EXECUTE format('ALTER DATABASE %I RESET jit', current_database());
            EXCEPTION WHEN insufficient_privilege THEN NULL;
            END $$
        `);
    await queryRunner.query(`DROP STATISTICS IF EXISTS "public"."st_listing_locations_lat_lon"`);
    await queryRunner.query(`DROP STATISTICS IF EXISTS "public"."st_listings_title_employer_document"`);
    await queryRunner.query(`DROP STATISTICS IF EXISTS "public"."st_listings_search_document"`);
    await queryRunner.query(`DROP INDEX "public"."ix_listings_open_pay"`);
    await queryRunner.query(`DROP INDEX "public"."ix_listings_open_sort_at"`);
    for (const column of ['states', 'coding_systems', 'specialties', 'certs_all']) {
      await queryRunner.query(`DROP INDEX "public"."ix_listings_open_${column}"`);
    }
    await queryRunner.query(`DROP INDEX "public"."ix_listings_open_employer_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."ix_listings_open_title_employer_document"`);
    await queryRunner.query(`DROP INDEX "public"."ix_listings_open_search_document"`);
    // pg_trgm stays: other objects may use it, and dropping an extension is an operator's call.
    await queryRunner.query(`DROP TABLE "candidates"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every write to a listing stamps the writing transaction's id (`pg_current_xact_id()`, a 64-bit
 * xid8 kept as bigint) in `change_xid`. The API's in-memory index of open listings catches up from
 * it: it keeps the snapshot it last read with and asks for rows whose transaction that snapshot did
 * not see (`pg_visible_in_snapshot`). Unlike a timestamp or a sequence, this cannot skip a
 * transaction that commits after a later one: visibility is decided by commit, not by start.
 *
 * Rows written before this migration keep NULL: a full load reads them; only later writes matter
 * to catching up. Adding a nullable column is a catalogue change, so this is instant on a large table.
 */
export class ListingChangeXid1795395000000 implements MigrationInterface {
  name = 'ListingChangeXid1795395000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "listings" ADD "change_xid" bigint`);
    await queryRunner.query(`
            CREATE FUNCTION "listings_change_xid_stamp"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW."change_xid" := pg_current_xact_id()::text::bigint;
                RETURN NEW;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "tr_listings_change_xid" BEFORE INSERT OR UPDATE
            ON "listings" FOR EACH ROW EXECUTE FUNCTION "listings_change_xid_stamp"()
        `);
    // (change_xid, id): catching up pages through the changes in this order.
    await queryRunner.query(
      `CREATE INDEX "ix_listings_change_xid" ON "listings" ("change_xid", "id") WHERE "change_xid" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_listings_change_xid"`);
    await queryRunner.query(`DROP TRIGGER "tr_listings_change_xid" ON "listings"`);
    await queryRunner.query(`DROP FUNCTION "listings_change_xid_stamp"()`);
    await queryRunner.query(`ALTER TABLE "listings" DROP COLUMN "change_xid"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each run moves "last seen" on every unchanged posting and listing. With free room in each page
 * (fillfactor 80) Postgres can make those HOT updates: the new row version stays on its page and none
 * of the listing's many search indexes has to be touched.
 */
export class IngestionFillFactor1795392000000 implements MigrationInterface {
  name = 'IngestionFillFactor1795392000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "listings" SET (fillfactor = 80)');
    await queryRunner.query('ALTER TABLE "source_postings" SET (fillfactor = 80)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "source_postings" RESET (fillfactor)');
    await queryRunner.query('ALTER TABLE "listings" RESET (fillfactor)');
  }
}

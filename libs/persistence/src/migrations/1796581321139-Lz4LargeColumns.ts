import { MigrationInterface, QueryRunner } from 'typeorm';

// Every new posting writes ~2 KiB of description three times (listing HTML and text, the raw posting)
// plus its search document, and rows that long are compressed on insert. lz4 takes 5-10% less of the
// database's CPU per new posting than the default pglz (docs/BENCHMARKS.md, "Ingestion"). Only values
// written from now on use it; a server built without lz4 keeps pglz rather than failing the migration.
const COLUMNS: [string, string[]][] = [
  ['listings', ['description_html', 'description_text', 'search_document', 'title_document', 'locations']],
  ['source_postings', ['raw', 'normalized']],
];

export class Lz4LargeColumns1796581321139 implements MigrationInterface {
  name = 'Lz4LargeColumns1796581321139';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await setCompression(queryRunner, 'lz4');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await setCompression(queryRunner, 'default');
  }
}

async function setCompression(queryRunner: QueryRunner, method: 'lz4' | 'default'): Promise<void> {
  for (const [table, columns] of COLUMNS) {
    const alter = columns.map((c) => `ALTER COLUMN "${c}" SET COMPRESSION ${method}`).join(', ');
    await queryRunner.query(`
            DO $$ BEGIN
                ALTER TABLE "${table}" ${alter};
            EXCEPTION WHEN feature_not_supported THEN
                RAISE NOTICE 'lz4 is not available on this server: "${table}" keeps pglz';
            END $$
        `);
  }
}

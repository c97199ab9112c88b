import { MigrationInterface, QueryRunner } from 'typeorm';

export class SourceHalted1796571724388 implements MigrationInterface {
  name = 'SourceHalted1796571724388';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "sources"
            ADD "halted_at" TIMESTAMP WITH TIME ZONE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "sources" DROP COLUMN "halted_at"
        `);
  }
}

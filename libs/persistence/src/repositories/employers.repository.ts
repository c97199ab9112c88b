import type { EntityManager } from 'typeorm';

/** Employers, one row per normalized name: how two sources' spellings of one employer meet. */
export class EmployersRepository {
  constructor(private readonly db: EntityManager) {}

  /** Ids by normalized name, creating the employers not yet known (`names`: normalized name -> name). */
  async resolve(names: Map<string, string>): Promise<{ id: string; normalized_name: string }[]> {
    const keys = [...names.keys()];
    await this.db.query(
      `INSERT INTO employers (name, normalized_name) SELECT * FROM unnest($1::text[], $2::text[])
        ON CONFLICT (normalized_name) DO NOTHING`,
      [keys.map((k) => names.get(k)), keys],
    );
    return this.db.query('SELECT id, normalized_name FROM employers WHERE normalized_name = ANY($1)', [keys]);
  }
}

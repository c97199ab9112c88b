import { In, type EntityManager } from 'typeorm';
import { CandidateEntity } from '../entities/candidate.entity';

/** The columns a candidate's owner sets (id and timestamps are the database's). */
export type CandidateFields = Pick<
  CandidateEntity,
  'profile' | 'homeLat' | 'homeLon' | 'state' | 'tokenHash'
>;

/** Saved candidate profiles. */
export class CandidatesRepository {
  constructor(private readonly db: EntityManager) {}

  private get repo() {
    return this.db.getRepository(CandidateEntity);
  }

  create(fields: CandidateFields): Promise<CandidateEntity> {
    return this.repo.save(this.repo.create(fields));
  }

  find(id: string): Promise<CandidateEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** The candidates of these ids that exist, in one query (a digest page's profiles). */
  findMany(ids: string[]): Promise<CandidateEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.repo.findBy({ id: In(ids) });
  }

  /** Writes a changed candidate back; the answer carries the new updatedAt. */
  save(candidate: CandidateEntity): Promise<CandidateEntity> {
    return this.repo.save(candidate);
  }

  async delete(id: string): Promise<void> {
    await this.repo.delete({ id });
  }
}

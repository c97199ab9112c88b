import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'employers' })
export class EmployerEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Lower-cased, punctuation and legal suffixes removed: how two sources' spellings meet. */
  @Index('uq_employers_normalized_name', { unique: true })
  @Column({ name: 'normalized_name', type: 'text' })
  normalizedName!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

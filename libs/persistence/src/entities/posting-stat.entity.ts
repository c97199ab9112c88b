import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Per posting and day: listing page views, search appearances and apply clicks. */
@Entity({ name: 'recruiter_posting_stats' })
export class PostingStatEntity {
  @PrimaryColumn({ name: 'posting_id', type: 'uuid' })
  postingId!: string;

  @PrimaryColumn({ type: 'date' })
  day!: string;

  @Column({ type: 'integer', default: 0 })
  views!: number;

  @Column({ type: 'integer', default: 0 })
  appearances!: number;

  @Column({ name: 'apply_clicks', type: 'integer', default: 0 })
  applyClicks!: number;
}

import type { DataSource } from 'typeorm';
import { updateReturning } from './update-returning';

/** The hourly sweep: open listings whose validThrough has passed are closed (never deleted). */
export async function closeExpiredListings(ds: DataSource, now = new Date()): Promise<number> {
  const rows = await updateReturning<{ id: string }>(
    ds,
    `UPDATE listings SET status = 'closed', closed_reason = 'expired', closed_at = $1
      WHERE status = 'open' AND valid_through <= $1 RETURNING id`,
    [now],
  );
  return rows.length;
}

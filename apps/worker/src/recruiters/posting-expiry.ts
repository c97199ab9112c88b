import type { DataSource } from 'typeorm';
import { inTransaction } from '#persistence';
import { fieldDiff, transition } from '#recruiting';

/**
 * Expires one published posting whose end has passed: the posting becomes expired, its listing leaves
 * search, and the audit log says so. Idempotent: a posting already expired (or renewed) is left alone.
 */
export async function expirePosting(ds: DataSource, postingId: string, now = new Date()): Promise<boolean> {
  return inTransaction(ds, async (repos) => {
    const posting = await repos.recruiterPostings.findAny(postingId);
    if (!posting || !posting.validThrough || posting.validThrough > now) return false;
    const next = transition(posting.state, 'expire', {
      verified: true,
      now,
      validThrough: posting.validThrough,
    });
    if (!next.ok) return false;
    const changed = await repos.recruiterPostings.change(posting.id, posting.version, { state: next.state }, [
      'published',
    ]);
    if (!changed) return false;
    await repos.listings.closeRecruiterListing(posting.id, 'expired', now);
    await repos.auditLog.append({
      organizationId: posting.organizationId,
      actor: 'system',
      action: 'posting.expired',
      subjectType: 'posting',
      subjectId: posting.id,
      diff: fieldDiff({ state: posting.state }, { state: next.state }),
    });
    return true;
  });
}

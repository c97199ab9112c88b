import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import {
  DigestUrls,
  nextDueAt,
  newSince,
  parseSnapshot,
  periodOf,
  rankForProfile,
  rankForSearch,
  renderDigest,
  selectDigest,
  type DigestCriteria,
  type DigestItem,
} from '#digests';
import { defaultEquivalenceRules, type CandidateProfile, type CandidateProfileFields } from '#matching';
import { repositoriesOf, SqlParams, type DigestSubscriptionEntity } from '#persistence';
import { parseTextQuery, textMatchSql } from '#search';
import { OpeningsCache } from './openings-cache';

export type ComposeOutcome =
  { status: 'composed'; outboxId: string } | { status: 'empty' } | { status: 'skipped'; reason: string };

/**
 * Composes one subscription's digest for one period: the listings opened since its watermark that
 * match, ranked, capped and rendered into one outbox row, and the watermark and next due time moved
 * on, all in one transaction holding the subscription's row. Run twice (a retry, a second worker),
 * the second finds the period done and does nothing; no listing new, no row (no matches, no mail).
 */
@Injectable()
export class DigestComposer {
  private readonly logger = new Logger('DigestComposer');
  private readonly urls: DigestUrls;
  private readonly cache: OpeningsCache;
  private readonly rules = defaultEquivalenceRules();
  private readonly host: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(DataSource) private readonly ds: DataSource,
  ) {
    this.urls = new DigestUrls(config);
    this.cache = new OpeningsCache(repositoriesOf(ds).listingOpenings);
    this.host = new URL(this.urls.origin).hostname;
  }

  get messageHost(): string {
    return this.host;
  }

  async compose(subscriptionId: string, period: string, now = new Date()): Promise<ComposeOutcome> {
    const repos = repositoriesOf(this.ds);
    const sub = await repos.digestSubscriptions.find(subscriptionId);
    const stale = this.notDue(sub, period, now);
    if (stale) return { status: 'skipped', reason: stale };
    const s = sub as DigestSubscriptionEntity;
    if (await repos.mailSuppressions.isSuppressed(s.email))
      return { status: 'skipped', reason: 'suppressed' };

    const watermark = parseSnapshot(s.watermark as string);
    const read = await this.cache.for(watermark);
    const fresh = newSince(read.listings, watermark);
    let ranked = await this.rank(s, fresh, now);
    if (ranked.length > 0) {
      // The read may be seconds old: a listing closed since is left out (closed never appears).
      const open = await repos.listingOpenings.stillOpen(ranked.map((i) => i.listing.id));
      ranked = ranked.filter((i) => open.has(i.listing.id));
    }
    const selection = selectDigest(ranked);
    const due = s.nextDueAt as Date;
    const next = nextDueAt(s, due > now ? due : now);

    return this.ds.transaction(async (em) => {
      // The commit need not wait for the disk: were the server to crash right after, the row and the
      // watermark are lost together and the period is composed again. Nothing is mailed before a
      // send job's claim commits, and that commit (synchronous) flushes this one first.
      await em.query('SET LOCAL synchronous_commit TO OFF');
      const tx = repositoriesOf(em);
      const locked = await tx.digestSubscriptions.lock(subscriptionId);
      const gone = this.notDue(locked, period, now);
      if (gone) return { status: 'skipped', reason: gone } as const;
      let outcome: ComposeOutcome = { status: 'empty' };
      if (selection) {
        const rendered = renderDigest(selection, {
          kind: s.kind,
          criteria: s.criteria as DigestCriteria | null,
          frequency: s.frequency,
          links: {
            listing: (id) => this.urls.listing(id),
            all: s.kind === 'profile' ? this.urls.matches() : this.urls.search(s.searchQuery),
            employer: (name) => this.urls.search(withEmployer(s.searchQuery, name)),
            manage: this.urls.manage(s.id, s.linkVersion),
            unsubscribe: this.urls.unsubscribe(s.id, s.linkVersion),
          },
        });
        const row = await tx.digestOutbox.insertOnce({
          subscriptionId,
          period,
          subject: rendered.subject,
          textBody: rendered.text,
          htmlBody: rendered.html,
          listingIds: selection.items.map((i) => i.listing.id),
          matchCount: selection.total,
        });
        outcome = { status: 'composed', outboxId: row.id };
      }
      await tx.digestSubscriptions.advance(subscriptionId, read.snapshot, next);
      return outcome;
    });
  }

  /** Why this subscription has no digest due for this period (null: it has). */
  private notDue(sub: DigestSubscriptionEntity | null, period: string, now: Date): string | null {
    if (!sub) return 'deleted';
    if (sub.status !== 'confirmed' || !sub.watermark || !sub.nextDueAt) return sub.status;
    if (sub.nextDueAt > now) return 'not due';
    if (periodOf(sub, sub.nextDueAt) !== period) return 'period done';
    return null;
  }

  private async rank(s: DigestSubscriptionEntity, fresh: ReturnType<typeof newSince>, now: Date) {
    if (fresh.length === 0) return [];
    if (s.kind === 'profile') {
      const candidate = s.candidateId ? await repositoriesOf(this.ds).candidates.find(s.candidateId) : null;
      if (!candidate) return [];
      const profile: CandidateProfile = {
        ...(candidate.profile as CandidateProfileFields),
        home:
          candidate.homeLat === null || candidate.homeLon === null
            ? null
            : { lat: candidate.homeLat, lon: candidate.homeLon },
      };
      return rankForProfile(fresh, profile, this.rules, now);
    }
    const criteria = (s.criteria ?? {}) as DigestCriteria;
    const ranked = rankForSearch(fresh, criteria);
    return criteria.q ? this.withWords(ranked, criteria.q) : ranked;
  }

  /** The words of a search are full text: Postgres decides, on the few listings left. */
  private async withWords(ranked: DigestItem[], q: string): Promise<DigestItem[]> {
    if (ranked.length === 0) return ranked;
    const p = new SqlParams();
    const ids = p.add(
      ranked.map((i) => i.listing.id),
      'uuid[]',
    );
    const rows: Array<{ id: string }> = await this.ds.query(
      `SELECT l.id FROM listings l WHERE l.id = ANY(${ids}) AND ${textMatchSql(parseTextQuery(q), p)}`,
      p.values,
    );
    const hit = new Set(rows.map((r) => r.id));
    return ranked.filter((i) => hit.has(i.listing.id));
  }
}

function withEmployer(query: string, employer: string): string {
  const params = new URLSearchParams(query);
  params.set('employer', employer.slice(0, 200));
  return params.toString();
}

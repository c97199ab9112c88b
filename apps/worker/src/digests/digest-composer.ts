import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import {
  DigestUrls,
  digestTemplate,
  parseSnapshot,
  ScheduleMemo,
  selectDigest,
  type DigestCriteria,
  type DigestItem,
  type DigestSelection,
  type EarlierListing,
  type OwnLinks,
  type RenderedDigest,
} from '#digests';
import { defaultEquivalenceRules, type CandidateProfile, type CandidateProfileFields } from '#matching';
import {
  repositoriesOf,
  SqlParams,
  type CandidateEntity,
  type DigestSubscriptionEntity,
  type NewDigestOutboxRow,
} from '#persistence';
import { parseTextQuery, textMatchSql } from '#search';
import { DigestRanker, type RankSubject } from './digest-ranker';
import { OpeningsCache, type OpeningsRead } from './openings-cache';

export type ComposeOutcome =
  { status: 'composed'; outboxId: string } | { status: 'empty' } | { status: 'skipped'; reason: string };

/** Renderings kept for reuse (a digest's text and HTML each). */
const MAX_TEMPLATES = 2_000;

/** One subscription's digest for one period. */
export interface ComposeItem {
  subscriptionId: string;
  period: string;
}

/** What a page came to: each subscription's outcome, and the outbox rows it wrote. */
export interface ComposePageResult {
  outcomes: Map<string, ComposeOutcome>;
  outboxIds: string[];
  /** Subscriptions left due because working out their digest threw (the page job retries them). */
  errors: number;
}

/** A subscription of the page that is due, with what it needs until its row is written. */
interface Pending {
  item: ComposeItem;
  sub: DigestSubscriptionEntity;
  read?: OpeningsRead;
  ranked: DigestItem[];
  selection?: DigestSelection | null;
}

/**
 * Composes a page of subscriptions' digests (a few hundred), each for its period: the listings opened
 * since its watermark that match, ranked, capped and rendered into one outbox row, and the watermark
 * and next due time moved on. The page reads with a handful of queries (the subscriptions, the
 * suppressions, the profiles, the words of each distinct search, the still-open check), then writes
 * in one transaction that locks the page's rows and checks again that each is still due for that
 * period: a retried page, the same page on two workers or two overlapping pages compose each
 * subscription's period once. No listing new, no row (no matches, no mail).
 */
@Injectable()
export class DigestComposer {
  private readonly logger = new Logger('DigestComposer');
  private readonly urls: DigestUrls;
  private readonly cache: OpeningsCache;
  private readonly ranker = new DigestRanker(defaultEquivalenceRules());
  // Worked out once per shared ranking (subscriptions with the same search or profile, across pages
  // while the openings read serves): selections let go with their rankings, renderings bounded
  // (each holds a whole digest).
  private readonly selections = new WeakMap<DigestItem[], DigestSelection | null>();
  private readonly templates = new Map<DigestItem[], Map<string, (own: OwnLinks) => RenderedDigest>>();
  private readonly host: string;
  /** Listings of the last digest shown again when still open (0: the section is off). */
  private readonly stillOpen: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(DataSource) private readonly ds: DataSource,
  ) {
    this.urls = new DigestUrls(config);
    this.stillOpen = config.DIGEST_STILL_OPEN;
    this.cache = new OpeningsCache(repositoriesOf(ds).listingOpenings);
    this.host = new URL(this.urls.origin).hostname;
  }

  get messageHost(): string {
    return this.host;
  }

  /** One subscription's digest: a page of one. */
  async compose(subscriptionId: string, period: string, now = new Date()): Promise<ComposeOutcome> {
    const result = await this.composePage([{ subscriptionId, period }], now);
    if (result.errors > 0) throw new Error(`digest of ${subscriptionId} could not be composed`);
    return result.outcomes.get(subscriptionId) as ComposeOutcome;
  }

  async composePage(items: readonly ComposeItem[], now = new Date()): Promise<ComposePageResult> {
    const repos = repositoriesOf(this.ds);
    const schedule = new ScheduleMemo();
    const notDue = (sub: DigestSubscriptionEntity | null, period: string) =>
      whyNotDue(sub, period, now, schedule);
    const outcomes = new Map<string, ComposeOutcome>();
    const skip = (id: string, reason: string) => outcomes.set(id, { status: 'skipped', reason });
    const subs = new Map(
      (await repos.digestSubscriptions.findMany(items.map((i) => i.subscriptionId))).map((s) => [s.id, s]),
    );
    let pending: Pending[] = [];
    for (const item of items) {
      const sub = subs.get(item.subscriptionId) ?? null;
      const stale = notDue(sub, item.period);
      if (stale) skip(item.subscriptionId, stale);
      else pending.push({ item, sub: sub as DigestSubscriptionEntity, ranked: [] });
    }
    const suppressed = await repos.mailSuppressions.suppressedOf(pending.map((p) => p.sub.email));
    pending = pending.filter((p) => {
      if (!suppressed.has(p.sub.emailKey)) return true;
      skip(p.sub.id, 'suppressed');
      return false;
    });

    const failed = new Set<Pending>();
    const profiles = await this.profilesOf(pending);
    for (const p of pending) {
      try {
        p.read = await this.cache.for(parseSnapshot(p.sub.watermark as string));
        const subject = this.subjectOf(p.sub, profiles);
        p.ranked = subject ? this.ranker.rank(p.read, p.sub.watermark as string, subject) : [];
      } catch (err) {
        this.failed(p, err, failed);
      }
    }
    pending = pending.filter((p) => !failed.has(p));
    await this.keepWords(pending);
    await this.keepOpen(pending);

    // Subscriptions sharing a ranking share its selection and, with the same search, its rendering.
    const { selections, templates } = this;
    const earlierOf = await this.earlierListings(pending);
    const rows: NewDigestOutboxRow[] = [];
    for (const p of pending) {
      try {
        let selection = selections.get(p.ranked);
        if (selection === undefined) {
          selection = selectDigest(p.ranked);
          selections.set(p.ranked, selection);
        }
        p.selection = selection;
        if (!selection) continue;
        let forRanking = templates.get(p.ranked);
        if (!forRanking) {
          if (templates.size >= MAX_TEMPLATES) templates.clear();
          forRanking = new Map();
          templates.set(p.ranked, forRanking);
        }
        const shown = new Set(selection.items.map((i) => i.listing.id));
        const earlier = earlierOf(p.sub.id, shown);
        const key = `${p.sub.kind}|${p.sub.frequency}|${p.sub.searchQuery}|${JSON.stringify(p.sub.criteria)}|${earlier.map((l) => l.id).join(',')}`;
        let template = forRanking.get(key);
        if (!template) {
          template = this.template(p.sub, selection, earlier);
          forRanking.set(key, template);
        }
        const rendered = template({
          manage: this.urls.manage(p.sub.id, p.sub.linkVersion),
          unsubscribe: this.urls.unsubscribe(p.sub.id, p.sub.linkVersion),
        });
        rows.push({
          subscriptionId: p.sub.id,
          period: p.item.period,
          subject: rendered.subject,
          textBody: rendered.text,
          htmlBody: rendered.html,
          listingIds: selection.items.map((i) => i.listing.id),
          matchCount: selection.total,
        });
      } catch (err) {
        this.failed(p, err, failed);
      }
    }
    pending = pending.filter((p) => !failed.has(p));

    const written = await this.ds.transaction(async (em) => {
      // The commit need not wait for the disk: were the server to crash right after, the rows and
      // the watermarks are lost together and the periods are composed again. Nothing is mailed
      // before a send job's claim commits, and that commit (synchronous) flushes this one first.
      await em.query('SET LOCAL synchronous_commit TO OFF');
      const tx = repositoriesOf(em);
      const locked = new Map(
        (await tx.digestSubscriptions.lockMany(pending.map((p) => p.sub.id))).map((s) => [s.id, s]),
      );
      const still = new Set<string>();
      for (const p of pending) {
        const gone = notDue(locked.get(p.sub.id) ?? null, p.item.period);
        if (gone) skip(p.sub.id, gone);
        else still.add(p.sub.id);
      }
      const inserted = await tx.digestOutbox.insertMany(rows.filter((r) => still.has(r.subscriptionId)));
      await tx.digestSubscriptions.advanceMany(
        pending
          .filter((p) => still.has(p.sub.id))
          .map((p) => {
            const due = p.sub.nextDueAt as Date;
            return {
              id: p.sub.id,
              watermark: (p.read as OpeningsRead).snapshot,
              nextDueAt: schedule.nextDueAt(p.sub, due > now ? due : now),
            };
          }),
      );
      return { still, inserted };
    });

    const outboxIds: string[] = [];
    for (const p of pending) {
      if (!written.still.has(p.sub.id)) continue;
      const outboxId = written.inserted.get(p.sub.id);
      if (outboxId) {
        outcomes.set(p.sub.id, { status: 'composed', outboxId });
        outboxIds.push(outboxId);
      } else if (p.selection) {
        // The period already had its row (written outside a compose): nothing new to send.
        skip(p.sub.id, 'period done');
      } else {
        outcomes.set(p.sub.id, { status: 'empty' });
      }
    }
    return { outcomes, outboxIds, errors: failed.size };
  }

  /** One subscription's bad data must not hold its page: it stays due, and the page job retries it. */
  private failed(p: Pending, err: unknown, failed: Set<Pending>): void {
    this.logger.error(`digest ${p.sub.id}: ${err instanceof Error ? err.message : String(err)}`);
    failed.add(p);
  }

  /** The profiles of the page's profile subscriptions, in one query. */
  private async profilesOf(pending: readonly Pending[]): Promise<Map<string, CandidateEntity>> {
    const ids = [...new Set(pending.map((p) => p.sub.candidateId).filter((id): id is string => id !== null))];
    const found = await repositoriesOf(this.ds).candidates.findMany(ids);
    return new Map(found.map((c) => [c.id, c]));
  }

  private subjectOf(s: DigestSubscriptionEntity, profiles: Map<string, CandidateEntity>): RankSubject | null {
    if (s.kind !== 'profile') return { kind: 'search', criteria: (s.criteria ?? {}) as DigestCriteria };
    const candidate = s.candidateId ? profiles.get(s.candidateId) : undefined;
    if (!candidate) return null;
    const profile: CandidateProfile = {
      ...(candidate.profile as CandidateProfileFields),
      home:
        candidate.homeLat === null || candidate.homeLon === null
          ? null
          : { lat: candidate.homeLat, lon: candidate.homeLon },
    };
    return { kind: 'profile', profile };
  }

  /**
   * The words of a search are full text: Postgres decides, one query per distinct words of the page,
   * on the listings their rankings hold (each shared ranking filtered once).
   */
  private async keepWords(pending: readonly Pending[]): Promise<void> {
    const byWords = new Map<string, Pending[]>();
    for (const p of pending) {
      const q = p.sub.kind === 'search' ? (p.sub.criteria as DigestCriteria | null)?.q : undefined;
      if (!q || p.ranked.length === 0) continue;
      const group = byWords.get(q);
      if (group) group.push(p);
      else byWords.set(q, [p]);
    }
    for (const [q, group] of byWords) {
      const rankings = new Set(group.map((g) => g.ranked));
      const p = new SqlParams();
      const ids = p.add(idsOf(rankings), 'uuid[]');
      const rows: Array<{ id: string }> = await this.ds.query(
        `SELECT l.id FROM listings l WHERE l.id = ANY(${ids}) AND ${textMatchSql(parseTextQuery(q), p)}`,
        p.values,
      );
      const hit = new Set(rows.map((r) => r.id));
      keepIn(group, rankings, (id) => hit.has(id));
    }
  }

  /** The read may be seconds old: a listing closed since is left out (closed never appears). */
  private async keepOpen(pending: readonly Pending[]): Promise<void> {
    const rankings = new Set(pending.map((p) => p.ranked));
    const ids = idsOf(rankings);
    if (ids.length === 0) return;
    const open = await repositoriesOf(this.ds).listingOpenings.stillOpen(ids);
    keepIn(pending, rankings, (id) => open.has(id));
  }

  /**
   * With the section on, what each subscription's last digest showed that is still open (two queries
   * for the page): a lookup of at most `stillOpen` of them, leaving out what the new digest shows.
   */
  private async earlierListings(
    pending: readonly Pending[],
  ): Promise<(subscriptionId: string, shown: ReadonlySet<string>) => EarlierListing[]> {
    const withNew = pending.filter((p) => p.ranked.length > 0).map((p) => p.sub.id);
    if (this.stillOpen === 0 || withNew.length === 0) return () => [];
    const repos = repositoriesOf(this.ds);
    const last = await repos.digestOutbox.lastSentListings(withNew);
    const open = await repos.listingOpenings.openTitles([...new Set([...last.values()].flat())]);
    return (subscriptionId, shown) => {
      const earlier: EarlierListing[] = [];
      for (const id of last.get(subscriptionId) ?? []) {
        const listing = open.get(id);
        if (listing && !shown.has(id)) earlier.push({ id, ...listing });
        if (earlier.length >= this.stillOpen) break;
      }
      return earlier;
    };
  }

  /** The digest of a selection for this subscription's search, its own links left to fill in. */
  private template(
    s: DigestSubscriptionEntity,
    selection: DigestSelection,
    earlier: readonly EarlierListing[],
  ): (own: OwnLinks) => RenderedDigest {
    return digestTemplate(selection, {
      kind: s.kind,
      criteria: s.criteria as DigestCriteria | null,
      frequency: s.frequency,
      earlier,
      links: {
        listing: (id) => this.urls.listing(id),
        all: s.kind === 'profile' ? this.urls.matches() : this.urls.search(s.searchQuery),
        employer: (name) => this.urls.search(withEmployer(s.searchQuery, name)),
      },
    });
  }
}

/** Every listing id the rankings hold, once. */
function idsOf(rankings: ReadonlySet<DigestItem[]>): string[] {
  const ids = new Set<string>();
  for (const ranked of rankings) for (const item of ranked) ids.add(item.listing.id);
  return [...ids];
}

/** Narrows each ranking to the listings `keep` accepts, once per shared ranking. */
function keepIn(
  pending: readonly Pending[],
  rankings: ReadonlySet<DigestItem[]>,
  keep: (id: string) => boolean,
): void {
  const kept = new Map<DigestItem[], DigestItem[]>();
  for (const ranked of rankings) {
    const left = ranked.filter((i) => keep(i.listing.id));
    // Unchanged, the shared ranking itself is kept: what was worked out from it still serves.
    kept.set(ranked, left.length === ranked.length ? ranked : left);
  }
  for (const p of pending) p.ranked = kept.get(p.ranked) ?? p.ranked;
}

/** Why this subscription has no digest due for this period (null: it has). */
function whyNotDue(
  sub: DigestSubscriptionEntity | null,
  period: string,
  now: Date,
  schedule: ScheduleMemo,
): string | null {
  if (!sub) return 'deleted';
  if (sub.status !== 'confirmed' || !sub.watermark || !sub.nextDueAt) return sub.status;
  if (sub.nextDueAt > now) return 'not due';
  if (schedule.periodOf(sub, sub.nextDueAt) !== period) return 'period done';
  return null;
}

function withEmployer(query: string, employer: string): string {
  const params = new URLSearchParams(query);
  params.set('employer', employer.slice(0, 200));
  return params.toString();
}

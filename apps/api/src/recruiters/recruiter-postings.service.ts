import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { contentFingerprint, listingFingerprint } from '#ingestion';
import {
  inTransaction,
  repositoriesOf,
  toListingContent,
  type OrganizationEntity,
  type RecruiterPostingEntity,
  type Repositories,
} from '#persistence';
import {
  allowedAfter,
  postingFormSchema,
  postingListing,
  postingWarnings,
  RATE_RULES,
  renewedValidThrough,
  renewWindowOpens,
  transition,
  validThroughFor,
  validThroughProblem,
  windowStart,
  type CloseReason,
  type PostingAction,
  type PostingForm,
} from '#recruiting';
import { ApiError } from '../http/api-error';
import { audit } from './audit-trail';
import { PostingStatsRecorder } from './posting-stats.recorder';
import type { OrgAccess } from './recruiter-principal';

export interface PostingView {
  id: string;
  organizationId: string;
  state: RecruiterPostingEntity['state'];
  closedReason: RecruiterPostingEntity['closedReason'];
  rejectReason: string | null;
  title: string;
  posting: PostingForm;
  publishedAt: string | null;
  validThrough: string | null;
  /** When a published posting can first be renewed. */
  renewableFrom: string | null;
  repostedFrom: string | null;
  version: number;
  /** The seekers' page while published. */
  listingPath: string | null;
  createdAt: string;
  updatedAt: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function postingView(p: RecruiterPostingEntity): PostingView {
  return {
    id: p.id,
    organizationId: p.organizationId,
    state: p.state,
    closedReason: p.closedReason,
    rejectReason: p.rejectReason,
    title: p.title,
    posting: p.fields as PostingForm,
    publishedAt: iso(p.publishedAt),
    validThrough: iso(p.validThrough),
    renewableFrom:
      p.state === 'published' && p.validThrough ? renewWindowOpens(p.validThrough).toISOString() : null,
    repostedFrom: p.repostedFrom,
    version: p.version,
    listingPath: p.state === 'published' ? `/jobs/${p.id}` : null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

const auditFields = (
  p: Pick<RecruiterPostingEntity, 'state' | 'title' | 'fields' | 'closedReason' | 'validThrough'>,
) => ({
  state: p.state,
  title: p.title,
  closedReason: p.closedReason,
  validThrough: iso(p.validThrough),
  fields: p.fields,
});

/** Who acts on a posting: a member (with access), or an operator working the moderation queue. */
export type PostingActor = { actor: string; organization: OrganizationEntity };

/**
 * The posting lifecycle. Each change runs in one transaction: the posting row (by version), its
 * listing (published postings are listings of origin recruiter with the same id; the search index
 * catches up with the write before its next request), and an audit row.
 */
@Injectable()
export class RecruiterPostingsService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(PostingStatsRecorder) private readonly recorder: PostingStatsRecorder,
  ) {}

  /** For a listing page: who posted it (null for a feed listing), counting the view. */
  async poster(listingId: string) {
    const poster = await repositoriesOf(this.ds).recruiterPostings.posterOf(listingId);
    if (poster) this.recorder.record('views', [listingId]);
    return poster;
  }

  /** Where Apply goes for a recruiter's posting, counting the click (null for a feed listing). */
  async applyTarget(listingId: string): Promise<string | null> {
    const poster = await repositoriesOf(this.ds).recruiterPostings.posterOf(listingId);
    if (!poster?.applyUrl) return null;
    this.recorder.record('apply_clicks', [listingId]);
    return poster.applyUrl;
  }

  /** Listings shown on a search page (only postings are counted, when written). */
  appeared(listingIds: readonly string[]): void {
    this.recorder.record('appearances', listingIds);
  }

  /** What seekers will see, what the normalizer read from the free text, and where they disagree. */
  preview(form: PostingForm, now = new Date()) {
    const validThrough = validThroughFor(form.validThrough, now);
    const { facts, read, applyUrl } = postingListing(form, { postedAt: now, validThrough }, now);
    const { evidence, descriptionHtml: _h, descriptionText: _t, ...readFacts } = read;
    return {
      listing: { ...facts, url: applyUrl },
      read: { ...readFacts, evidence },
      warnings: postingWarnings(form, read, now),
    };
  }

  async list(access: OrgAccess, limit = 200) {
    const repos = repositoriesOf(this.ds);
    const rows = await repos.recruiterPostings.list(access.organization.id, limit);
    const totals = await repos.recruiterPostings.totals(access.organization.id);
    return rows.map((p) => ({
      ...postingView(p),
      stats: totals.get(p.id) ?? { views: 0, appearances: 0, applyClicks: 0 },
    }));
  }

  async get(access: OrgAccess, id: string): Promise<PostingView> {
    return postingView(await this.find(repositoriesOf(this.ds), access.organization.id, id));
  }

  async create(
    access: OrgAccess,
    form: PostingForm,
    submit: boolean,
    now = new Date(),
  ): Promise<PostingView> {
    this.checkDates(form, now);
    await this.checkRate(access.organization.id, now);
    return inTransaction(this.ds, async (repos) => {
      const created = await repos.recruiterPostings.create({
        organizationId: access.organization.id,
        createdBy: access.actor,
        state: 'draft',
        title: form.title,
        fields: form as unknown as Record<string, unknown>,
        repostedFrom: null,
      });
      await audit(repos, {
        organizationId: access.organization.id,
        actor: access.actor,
        action: 'posting.created',
        subjectType: 'posting',
        subjectId: created.id,
        after: auditFields(created),
      });
      return postingView(submit ? await this.move(repos, access, created, 'submit', now) : created);
    });
  }

  /**
   * Edits a posting. A published posting of a verified organization changes in search at once; an
   * unverified one's goes back to review and leaves search until an operator approves it.
   */
  async update(access: OrgAccess, id: string, form: PostingForm, version: number, now = new Date()) {
    this.checkDates(form, now);
    return inTransaction(this.ds, async (repos) => {
      const posting = await this.find(repos, access.organization.id, id);
      if (posting.version !== version)
        throw new ApiError('CONFLICT', `the posting changed since version ${version}: read it again`);
      const next = this.next(posting, 'edit', access.organization, now);
      const datesChanged = (posting.fields as PostingForm).validThrough !== form.validThrough;
      const changed = await this.change(repos, posting, {
        state: next,
        title: form.title,
        fields: form as unknown as Record<string, unknown>,
        ...(next === 'published' && datesChanged
          ? { validThrough: validThroughFor(form.validThrough, now) }
          : {}),
      });
      if (next === 'published') await this.putListing(repos, changed, now);
      if (posting.state === 'published' && next === 'review')
        await repos.listings.closeRecruiterListing(posting.id, 'withdrawn', now);
      await this.audit(repos, access, posting, changed, 'posting.edited');
      return postingView(changed);
    });
  }

  async act(
    access: OrgAccess,
    id: string,
    action: 'submit' | 'renew',
    now = new Date(),
  ): Promise<PostingView> {
    return inTransaction(this.ds, async (repos) => {
      const posting = await this.find(repos, access.organization.id, id);
      return postingView(await this.move(repos, access, posting, action, now));
    });
  }

  async close(access: OrgAccess, id: string, reason: CloseReason, now = new Date()): Promise<PostingView> {
    return inTransaction(this.ds, async (repos) => {
      const posting = await this.find(repos, access.organization.id, id);
      this.next(posting, 'close', access.organization, now);
      const changed = await this.change(repos, posting, { state: 'closed', closedReason: reason });
      await repos.listings.closeRecruiterListing(posting.id, reason, now);
      await this.audit(repos, access, posting, changed, 'posting.closed');
      return postingView(changed);
    });
  }

  /** A closed or expired posting again, as a new posting with a new id (the old one stays as it was). */
  async repost(access: OrgAccess, id: string, now = new Date()): Promise<PostingView> {
    await this.checkRate(access.organization.id, now);
    return inTransaction(this.ds, async (repos) => {
      const old = await this.find(repos, access.organization.id, id);
      this.next(old, 'repost', access.organization, now);
      const fields = { ...(old.fields as PostingForm), validThrough: null };
      const created = await repos.recruiterPostings.create({
        organizationId: old.organizationId,
        createdBy: access.actor,
        state: 'draft',
        title: old.title,
        fields,
        repostedFrom: old.id,
      });
      await audit(repos, {
        organizationId: old.organizationId,
        actor: access.actor,
        action: 'posting.reposted',
        subjectType: 'posting',
        subjectId: created.id,
        after: { repostedFrom: old.id, ...auditFields(created) },
      });
      return postingView(await this.move(repos, access, created, 'submit', now));
    });
  }

  /** An operator's decision on a posting in review. */
  async moderate(
    id: string,
    decision: { approve: true } | { approve: false; reason: string },
    now = new Date(),
  ): Promise<PostingView> {
    return inTransaction(this.ds, async (repos) => {
      const posting = await repos.recruiterPostings.findAny(id);
      if (!posting) throw new ApiError('POSTING_NOT_FOUND', 'no such posting');
      const organization = (await repos.organizations.find(posting.organizationId))!;
      const who = { actor: 'operator', organization };
      if (decision.approve) return postingView(await this.move(repos, who, posting, 'approve', now));
      this.next(posting, 'reject', organization, now);
      const changed = await this.change(repos, posting, { state: 'rejected', rejectReason: decision.reason });
      await this.audit(repos, who, posting, changed, 'posting.rejected');
      return postingView(changed);
    });
  }

  /** Closes every open posting of an organization (a banned domain), as an operator. */
  async withdrawAll(repos: Repositories, organization: OrganizationEntity, now: Date): Promise<number> {
    let n = 0;
    for (const p of await repos.recruiterPostings.list(organization.id, 1000))
      n += await this.withdrawOne(repos, organization, p.id, now);
    return n;
  }

  /** Closes one open posting as withdrawn, as an operator (a report upheld). */
  async withdrawOne(
    repos: Repositories,
    organization: OrganizationEntity,
    id: string,
    now: Date,
  ): Promise<number> {
    const p = await repos.recruiterPostings.find(organization.id, id);
    if (!p || (p.state !== 'published' && p.state !== 'review')) return 0;
    const changed = await this.change(repos, p, { state: 'closed', closedReason: 'withdrawn' });
    await repos.listings.closeRecruiterListing(p.id, 'withdrawn', now);
    await this.audit(repos, { actor: 'operator', organization }, p, changed, 'posting.closed');
    return 1;
  }

  async stats(access: OrgAccess, id: string | null, days: number) {
    const repos = repositoriesOf(this.ds);
    if (id) await this.find(repos, access.organization.id, id);
    return repos.recruiterPostings.stats(access.organization.id, id, days);
  }

  /** The organization's daily stats as CSV (RFC 4180), titles quoted and formula-safe. */
  async statsCsv(access: OrgAccess, days: number): Promise<string> {
    const repos = repositoriesOf(this.ds);
    const rows = await repos.recruiterPostings.stats(access.organization.id, null, days);
    const titles = new Map(
      (await repos.recruiterPostings.list(access.organization.id, 1000)).map((p) => [p.id, p.title]),
    );
    const cell = (v: string) => {
      const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
      return `"${safe.replace(/"/g, '""')}"`;
    };
    const lines = ['day,posting_id,title,views,search_appearances,apply_clicks'];
    for (const r of rows)
      lines.push(
        [r.day, r.postingId, cell(titles.get(r.postingId) ?? ''), r.views, r.appearances, r.applyClicks].join(
          ',',
        ),
      );
    return `${lines.join('\r\n')}\r\n`;
  }

  private async find(
    repos: Repositories,
    organizationId: string,
    id: string,
  ): Promise<RecruiterPostingEntity> {
    const posting = await repos.recruiterPostings.find(organizationId, id);
    // Another organization's posting answers as if it did not exist.
    if (!posting) throw new ApiError('POSTING_NOT_FOUND', 'no such posting in this organization');
    return posting;
  }

  private next(posting: RecruiterPostingEntity, action: PostingAction, org: OrganizationEntity, now: Date) {
    const t = transition(posting.state, action, {
      verified: org.verifiedAt !== null,
      now,
      validThrough: posting.validThrough,
    });
    if (!t.ok) throw new ApiError('INVALID_STATE', t.reason);
    return t.state;
  }

  /** submit, approve and renew: the moves that may publish. */
  private async move(
    repos: Repositories,
    who: PostingActor,
    posting: RecruiterPostingEntity,
    action: 'submit' | 'approve' | 'renew',
    now: Date,
  ): Promise<RecruiterPostingEntity> {
    const next = this.next(posting, action, who.organization, now);
    const form = posting.fields as PostingForm;
    const publishing = next === 'published';
    const changed = await this.change(repos, posting, {
      state: next,
      rejectReason: null,
      ...(action === 'renew'
        ? { validThrough: renewedValidThrough(posting.validThrough!), renewalRemindedAt: null }
        : publishing
          ? { publishedAt: posting.publishedAt ?? now, validThrough: validThroughFor(form.validThrough, now) }
          : {}),
    });
    if (publishing) await this.putListing(repos, changed, now);
    const name =
      action === 'renew' ? 'posting.renewed' : publishing ? 'posting.published' : 'posting.submitted';
    await this.audit(repos, who, posting, changed, name);
    return changed;
  }

  private async change(
    repos: Repositories,
    posting: RecruiterPostingEntity,
    change: Parameters<Repositories['recruiterPostings']['change']>[2],
  ): Promise<RecruiterPostingEntity> {
    const changed = await repos.recruiterPostings.change(posting.id, posting.version, change);
    if (!changed) throw new ApiError('CONFLICT', 'the posting changed meanwhile: read it again');
    return changed;
  }

  /**
   * The posting's listing, open, with its facts. An open feed listing of the same role (the employer's
   * ATS carries it too) is folded in: its sources move to this listing, whose facts are the recruiter's.
   */
  private async putListing(repos: Repositories, posting: RecruiterPostingEntity, now: Date): Promise<void> {
    const form = postingFormSchema.parse(posting.fields);
    const publishedAt = posting.publishedAt ?? now;
    const validThrough = posting.validThrough ?? validThroughFor(form.validThrough, now);
    const { facts, applyUrl } = postingListing(form, { postedAt: publishedAt, validThrough }, now);
    const content = toListingContent(facts, applyUrl);
    const fingerprint = listingFingerprint(facts.employer, facts.title);
    await repos.listings.putRecruiterListing({
      ...content,
      id: posting.id,
      fingerprint,
      contentFingerprint: contentFingerprint(facts.title, facts.descriptionText),
      employerId: null,
      sortAt: publishedAt,
      firstSeenAt: publishedAt,
      changedAt: now,
    });
    await repos.listings.adoptFeedListings(posting.id, fingerprint, now);
  }

  private async audit(
    repos: Repositories,
    who: PostingActor,
    before: RecruiterPostingEntity,
    after: RecruiterPostingEntity,
    action: string,
  ): Promise<void> {
    await audit(repos, {
      organizationId: before.organizationId,
      actor: who.actor,
      action,
      subjectType: 'posting',
      subjectId: before.id,
      before: auditFields(before),
      after: auditFields(after),
    });
  }

  private checkDates(form: PostingForm, now: Date): void {
    const problem = validThroughProblem(form.validThrough, now);
    if (problem)
      throw new ApiError('VALIDATION_FAILED', `body.posting.validThrough: ${problem}`, [
        { field: 'body.posting.validThrough', message: problem },
      ]);
  }

  private async checkRate(organizationId: string, now: Date): Promise<void> {
    const used = await repositoriesOf(this.ds).recruiterPostings.createdSince(
      organizationId,
      windowStart(RATE_RULES.postingsPerOrg, now),
    );
    if (!allowedAfter(RATE_RULES.postingsPerOrg, used))
      throw new ApiError('RATE_LIMITED', 'too many postings today: try again tomorrow');
  }
}

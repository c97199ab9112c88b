import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction, repositoriesOf } from '#persistence';
import { allowedAfter, postingFormSchema, RATE_RULES, windowStart } from '#recruiting';
import { ApiError } from '../http/api-error';
import { audit } from './audit-trail';
import { organizationView } from './recruiter-accounts.service';
import { postingView, RecruiterPostingsService } from './recruiter-postings.service';
import type { JobReportInput } from './moderation.schemas';

/**
 * The operators' queue: postings of unverified organizations waiting for review, seekers' reports,
 * unverified organizations. Operators approve, reject with a reason, verify, ban a domain (its
 * organizations' postings leave search) and resolve reports.
 */
@Injectable()
export class ModerationService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(RecruiterPostingsService) private readonly postings: RecruiterPostingsService,
  ) {}

  async queue(limit = 100) {
    const repos = repositoriesOf(this.ds);
    const review = await repos.recruiterPostings.inState('review', limit);
    const orgs = new Map<string, ReturnType<typeof organizationView>>();
    for (const p of review) {
      if (!orgs.has(p.organizationId)) {
        const o = await repos.organizations.find(p.organizationId);
        if (o) orgs.set(o.id, organizationView(o));
      }
    }
    return {
      review: review.map((p) => {
        const form = postingFormSchema.safeParse(p.fields);
        return {
          ...postingView(p),
          organization: orgs.get(p.organizationId) ?? null,
          warnings: form.success ? this.postings.preview(form.data).warnings : [],
        };
      }),
      reports: (await repos.moderation.openReports(limit)).map((r) => ({
        id: r.id,
        listingId: r.listingId,
        reason: r.reason,
        details: r.details,
        hasEmail: r.email !== null,
        createdAt: r.createdAt.toISOString(),
      })),
      unverifiedOrganizations: (await repos.organizations.unverified(limit)).map((o) => organizationView(o)),
      bannedDomains: (await repos.moderation.bannedDomains(limit)).map((d) => ({
        domain: d.domain,
        reason: d.reason,
        since: d.createdAt.toISOString(),
      })),
    };
  }

  approve(id: string) {
    return this.postings.moderate(id, { approve: true });
  }

  reject(id: string, reason: string) {
    return this.postings.moderate(id, { approve: false, reason });
  }

  async verify(organizationId: string, now = new Date()) {
    return inTransaction(this.ds, async (repos) => {
      const org = await repos.organizations.find(organizationId);
      if (!org) throw new ApiError('NOT_FOUND', 'no such organization');
      if (await repos.organizations.verify(org.id, 'operator', now))
        await audit(repos, {
          organizationId: org.id,
          actor: 'operator',
          action: 'organization.verified',
          subjectType: 'organization',
          subjectId: org.id,
          before: { verifiedBy: null },
          after: { verifiedBy: 'operator' },
        });
      return organizationView((await repos.organizations.find(org.id))!);
    });
  }

  /** Bans a domain: no sign-in from it, and its organizations' open postings leave search. */
  async banDomain(domain: string, reason: string, now = new Date()) {
    return inTransaction(this.ds, async (repos) => {
      await repos.moderation.ban(domain, reason);
      await audit(repos, {
        organizationId: null,
        actor: 'operator',
        action: 'domain.banned',
        subjectType: 'domain',
        subjectId: domain,
        after: { reason },
      });
      let withdrawn = 0;
      for (const org of await repos.organizations.atDomain(domain))
        withdrawn += await this.postings.withdrawAll(repos, org, now);
      return { domain, withdrawn };
    });
  }

  async resolveReport(id: string, resolution: string, closeListing: boolean, now = new Date()) {
    return inTransaction(this.ds, async (repos) => {
      const report = (await repos.moderation.openReports(10_000)).find((r) => r.id === id);
      if (!report || !(await repos.moderation.resolveReport(id, resolution, now)))
        throw new ApiError('NOT_FOUND', 'no such open report');
      let closed = false;
      // A recruiter's posting closes here; a feed listing follows its source (disable the source).
      const posting = closeListing ? await repos.recruiterPostings.findAny(report.listingId) : null;
      if (posting) {
        const org = (await repos.organizations.find(posting.organizationId))!;
        closed = (await this.postings.withdrawOne(repos, org, posting.id, now)) > 0;
      }
      await audit(repos, {
        organizationId: null,
        actor: 'operator',
        action: 'report.resolved',
        subjectType: 'report',
        subjectId: id,
        after: { resolution, closed },
      });
      return { id, resolution, closed };
    });
  }

  /** A seeker's "report this job" (any open or closed listing); rate-limited per client. */
  async report(listingId: string, input: JobReportInput, client: string, now = new Date()) {
    const repos = repositoriesOf(this.ds);
    if (!(await repos.listings.findById(listingId)))
      throw new ApiError('LISTING_NOT_FOUND', 'no such listing');
    const used = await repos.moderation.reportsSince(client, windowStart(RATE_RULES.reportsPerClient, now));
    if (!allowedAfter(RATE_RULES.reportsPerClient, used))
      throw new ApiError('RATE_LIMITED', 'too many reports from here: try again later');
    const id = await repos.moderation.report({
      listingId,
      reason: input.reason,
      details: input.details,
      email: input.email,
      clientHash: client,
    });
    return { id };
  }
}

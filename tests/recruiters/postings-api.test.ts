import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { RECRUITERS_QUEUE } from '#jobs';
import { samplePostingInput } from '#recruiting/testing';
import { enqueueRecruiterTick } from '../../apps/worker/src/recruiters/recruiters-tick';
import { expirePosting } from '../../apps/worker/src/recruiters/posting-expiry';
import { PostingStatsRecorder } from '../../apps/api/src/recruiters/posting-stats.recorder';
import { createTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { RecruiterMailbox } from '../support/recruiter-mail';
import { bearer, recruiterWithOrg } from '../support/recruiter-client';

const ADMIN = 'operator-token-for-tests-0123456789';
const admin = { Authorization: `Bearer ${ADMIN}` };

// A coder in Texas with a CPC, open to remote work: the recruiters' postings below are for them.
const CODER = {
  credentials: ['CPC'],
  specialties: [{ specialty: 'outpatient', years: 3 }],
  roles: ['coder', 'auditor'],
  yearsExperience: 3,
  workMode: 'remote_only',
  stateOfResidence: 'TX',
};

describe('recruiters: the posting lifecycle, search and moderation', () => {
  let db: TestDatabase;
  let t: TestApp;
  let mailbox: RecruiterMailbox;
  let hospital: { session: string; orgId: string };
  let agency: { session: string; orgId: string };

  const base = (who: { orgId: string }) => `/api/v1/recruiter/orgs/${who.orgId}/postings`;
  const searchIds = async (query: Record<string, string>) =>
    (await request(t.server).get('/api/v1/listings').query(query).expect(200)).body.items.map(
      (l: { id: string }) => l.id,
    );
  const matchIds = async () =>
    (
      await request(t.server).post('/api/v1/matches').send({ profile: CODER, limit: 50 }).expect(200)
    ).body.items.map((m: { listing: { id: string } }) => m.listing.id);

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await createTestApp(db.url, { ADMIN_TOKEN: ADMIN });
    mailbox = await new RecruiterMailbox().start(t.app, db.ds);
    hospital = await recruiterWithOrg(t.server, mailbox, 'pat@mercyvalley.example', {
      name: 'Mercy Valley Health',
      kind: 'employer',
      website: 'https://mercyvalley.example',
    });
    agency = await recruiterWithOrg(t.server, mailbox, 'jo@codingstaff.example', {
      name: 'Coding Staff Partners',
      kind: 'agency',
      website: 'https://codingstaffpartners.example',
    });
  });
  afterAll(async () => {
    await mailbox?.stop();
    await t?.close();
    await db?.drop();
  });

  it('previews what seekers see and warns where the fields and the description disagree', async () => {
    const res = await request(t.server)
      .post(`${base(hospital)}/preview`)
      .set(bearer(hospital.session))
      .send({
        posting: samplePostingInput({
          credentials: { required: [] },
          pay: null,
          remoteStates: { mode: 'allowed', states: ['TX', 'CO'] },
        }),
      })
      .expect(200);
    const codes = res.body.warnings.map((w: { code: string }) => w.code);
    expect(codes).toEqual(expect.arrayContaining(['CREDENTIAL_NOT_IN_FIELDS', 'PAY_MISSING_WHERE_REQUIRED']));
    expect(res.body.read.certifications.required).toEqual(['CPC']);
    expect(res.body.listing.remoteStates).toEqual(['CO', 'TX']);
  });

  it('a verified hospital publishes at once; a matching coder finds it on the next request', async () => {
    const created = await request(t.server)
      .post(base(hospital))
      .set(bearer(hospital.session))
      .send({ posting: samplePostingInput({ title: 'Remote Outpatient Coder <b>II</b>' }), submit: true })
      .expect(201);
    expect(created.body).toMatchObject({
      state: 'published',
      title: 'Remote Outpatient Coder II',
      listingPath: `/jobs/${created.body.id}`,
    });
    expect(await searchIds({ q: 'outpatient coder', remoteEligibleFor: 'TX' })).toContain(created.body.id);
    expect(await matchIds()).toContain(created.body.id);
    const listing = await request(t.server).get(`/api/v1/listings/${created.body.id}`).expect(200);
    expect(listing.body).toMatchObject({
      status: 'open',
      title: 'Remote Outpatient Coder II',
      remoteStates: ['OK', 'TX'],
    });
    expect(listing.body.certifications.required).toEqual(['CPC']);

    // Edited: the change shows at once.
    const edited = await request(t.server)
      .put(`${base(hospital)}/${created.body.id}`)
      .set(bearer(hospital.session))
      .send({
        posting: samplePostingInput({ title: 'Remote Outpatient Coder III' }),
        version: created.body.version,
      })
      .expect(200);
    expect(edited.body.state).toBe('published');
    expect((await request(t.server).get(`/api/v1/listings/${created.body.id}`)).body.title).toBe(
      'Remote Outpatient Coder III',
    );
    // A stale version is refused.
    await request(t.server)
      .put(`${base(hospital)}/${created.body.id}`)
      .set(bearer(hospital.session))
      .send({ posting: samplePostingInput(), version: created.body.version })
      .expect(409);

    // Closed as filled: it leaves search on the next request.
    await request(t.server)
      .post(`${base(hospital)}/${created.body.id}/close`)
      .set(bearer(hospital.session))
      .send({ reason: 'filled' })
      .expect(200);
    expect(await searchIds({ q: 'outpatient coder' })).not.toContain(created.body.id);
    expect((await request(t.server).get(`/api/v1/listings/${created.body.id}`)).body).toMatchObject({
      status: 'closed',
      closedReason: 'filled',
    });

    // Reposted: a new posting, a new id, searchable again.
    const again = await request(t.server)
      .post(`${base(hospital)}/${created.body.id}/repost`)
      .set(bearer(hospital.session))
      .expect(201);
    expect(again.body).toMatchObject({ state: 'published', repostedFrom: created.body.id });
    expect(again.body.id).not.toBe(created.body.id);
    expect(await searchIds({ q: 'outpatient coder' })).toContain(again.body.id);
  });

  it("an unverified agency's posting waits for review; approved it is found; edited it goes back", async () => {
    const created = await request(t.server)
      .post(base(agency))
      .set(bearer(agency.session))
      .send({
        posting: samplePostingInput({
          title: 'Remote Risk Adjustment Coder',
          employer: 'A regional health plan',
        }),
        submit: true,
      })
      .expect(201);
    expect(created.body.state).toBe('review');
    expect(await searchIds({ q: 'risk adjustment coder' })).not.toContain(created.body.id);
    const queue = await request(t.server).get('/api/v1/admin/moderation').set(admin).expect(200);
    expect(queue.body.review.map((p: { id: string }) => p.id)).toContain(created.body.id);
    await request(t.server).get('/api/v1/admin/moderation').set(bearer(agency.session)).expect(403);

    await request(t.server)
      .post(`/api/v1/admin/moderation/postings/${created.body.id}/approve`)
      .set(admin)
      .expect(200);
    expect(await searchIds({ q: 'risk adjustment coder' })).toContain(created.body.id);
    expect(await matchIds()).toContain(created.body.id);

    const current = await request(t.server)
      .get(`${base(agency)}/${created.body.id}`)
      .set(bearer(agency.session));
    const edited = await request(t.server)
      .put(`${base(agency)}/${created.body.id}`)
      .set(bearer(agency.session))
      .send({
        posting: samplePostingInput({
          title: 'Remote Risk Adjustment Coder (CRC)',
          employer: 'A regional health plan',
        }),
        version: current.body.version,
      })
      .expect(200);
    expect(edited.body.state).toBe('review');
    expect(await searchIds({ q: 'risk adjustment coder' })).not.toContain(created.body.id);

    await request(t.server)
      .post(`/api/v1/admin/moderation/postings/${created.body.id}/reject`)
      .set(admin)
      .send({ reason: 'Name the employer or say it is confidential.' })
      .expect(200);
    const rejected = await request(t.server)
      .get(`${base(agency)}/${created.body.id}`)
      .set(bearer(agency.session));
    expect(rejected.body).toMatchObject({
      state: 'rejected',
      rejectReason: 'Name the employer or say it is confidential.',
    });
  });

  it('renews only in the window before expiry, reminds by mail, and expires by the worker tick', async () => {
    const created = await request(t.server)
      .post(base(hospital))
      .set(bearer(hospital.session))
      .send({ posting: samplePostingInput({ title: 'Coding Auditor', role: 'auditor' }), submit: true })
      .expect(201);
    const id = created.body.id as string;
    await request(t.server)
      .post(`${base(hospital)}/${id}/renew`)
      .set(bearer(hospital.session))
      .expect(409);

    // Three days before the end: the tick enqueues one reminder, the mail goes out, renew works.
    await db.ds.query(
      `UPDATE recruiter_postings SET valid_through = now() + interval '3 days' WHERE id = $1`,
      [id],
    );
    const queue = t.app.get<Queue>(getQueueToken(RECRUITERS_QUEUE));
    expect((await enqueueRecruiterTick(db.ds, queue)).reminders).toBe(1);
    expect((await enqueueRecruiterTick(db.ds, queue)).reminders).toBe(1);
    const mails = await mailbox.deliver();
    expect(mails.filter((m) => m.parsed.subject?.startsWith('Renew "Coding Auditor"'))).toHaveLength(1);
    expect((await enqueueRecruiterTick(db.ds, queue)).reminders).toBe(0);
    const renewed = await request(t.server)
      .post(`${base(hospital)}/${id}/renew`)
      .set(bearer(hospital.session))
      .expect(200);
    expect(new Date(renewed.body.validThrough).getTime()).toBeGreaterThan(Date.now() + 32 * 86_400_000);

    // Past the end: the tick enqueues the expiry, the job expires it, search drops it.
    await db.ds.query(
      `UPDATE recruiter_postings SET valid_through = now() - interval '1 minute' WHERE id = $1`,
      [id],
    );
    expect((await enqueueRecruiterTick(db.ds, queue)).expiries).toBe(1);
    expect(await expirePosting(db.ds, id)).toBe(true);
    expect(await expirePosting(db.ds, id)).toBe(false);
    const expired = await request(t.server)
      .get(`${base(hospital)}/${id}`)
      .set(bearer(hospital.session));
    expect(expired.body.state).toBe('expired');
    expect(await searchIds({ q: 'coding auditor' })).not.toContain(id);
    await queue.obliterate({ force: true });
  });

  it('lets an ATS post with the organization key, and never as another organization', async () => {
    const key = (
      await request(t.server)
        .post(`/api/v1/recruiter/orgs/${hospital.orgId}/api-keys`)
        .set(bearer(hospital.session))
        .send({ name: 'ATS' })
        .expect(201)
    ).body.key as string;
    const posted = await request(t.server)
      .post(base(hospital))
      .set(bearer(key))
      .send({ posting: samplePostingInput({ title: 'Inpatient Coder' }), submit: true })
      .expect(201);
    expect(posted.body.state).toBe('published');
    await request(t.server)
      .post(base(agency))
      .set(bearer(key))
      .send({ posting: samplePostingInput(), submit: true })
      .expect(403);
  });

  it('refuses every read and write of one organization’s postings and stats by the other', async () => {
    const target = (
      await request(t.server)
        .post(base(hospital))
        .set(bearer(hospital.session))
        .send({ posting: samplePostingInput({ title: 'Billing Specialist', role: 'biller' }) })
        .expect(201)
    ).body;
    const agencyKey = (
      await request(t.server)
        .post(`/api/v1/recruiter/orgs/${agency.orgId}/api-keys`)
        .set(bearer(agency.session))
        .send({ name: 'ATS' })
        .expect(201)
    ).body.key as string;
    const body = { posting: samplePostingInput(), version: target.version };
    const attempts: Array<[string, string, object | undefined]> = [
      ['get', `${base(hospital)}`, undefined],
      ['post', `${base(hospital)}`, { posting: samplePostingInput() }],
      ['get', `${base(hospital)}/${target.id}`, undefined],
      ['put', `${base(hospital)}/${target.id}`, body],
      ['post', `${base(hospital)}/${target.id}/submit`, undefined],
      ['post', `${base(hospital)}/${target.id}/close`, { reason: 'withdrawn' }],
      ['post', `${base(hospital)}/${target.id}/renew`, undefined],
      ['post', `${base(hospital)}/${target.id}/repost`, undefined],
      ['get', `${base(hospital)}/${target.id}/stats`, undefined],
      ['get', `${base(hospital)}/stats`, undefined],
      ['get', `${base(hospital)}/stats.csv`, undefined],
      // Through its own organization's address: the posting is not found there.
      ['get', `${base(agency)}/${target.id}`, undefined],
      ['put', `${base(agency)}/${target.id}`, body],
      ['post', `${base(agency)}/${target.id}/submit`, undefined],
      ['post', `${base(agency)}/${target.id}/close`, { reason: 'withdrawn' }],
      ['get', `${base(agency)}/${target.id}/stats`, undefined],
    ];
    let refused = 0;
    for (const credential of [agency.session, agencyKey]) {
      for (const [method, path, payload] of attempts) {
        const agent = request(t.server);
        const call = agent[method as 'get'].bind(agent);
        const req = call(path).set(bearer(credential));
        const res = await (payload ? req.send(payload) : req);
        expect([403, 404]).toContain(res.status);
        refused++;
      }
    }
    expect(refused).toBe(attempts.length * 2);
    const untouched = await request(t.server)
      .get(`${base(hospital)}/${target.id}`)
      .set(bearer(hospital.session));
    expect(untouched.body).toMatchObject({
      state: 'draft',
      version: target.version,
      title: 'Billing Specialist',
    });
  });

  it('takes reports of a job into the queue, and a banned domain can neither sign in nor stay listed', async () => {
    const created = await request(t.server)
      .post(base(agency))
      .set(bearer(agency.session))
      .send({
        posting: samplePostingInput({ title: 'Work From Home Billing Clerk', role: 'biller' }),
        submit: true,
      })
      .expect(201);
    await request(t.server)
      .post(`/api/v1/admin/moderation/postings/${created.body.id}/approve`)
      .set(admin)
      .expect(200);
    const report = await request(t.server)
      .post(`/api/v1/listings/${created.body.id}/reports`)
      .send({ reason: 'scam', details: 'Asked for a fee', email: 'seeker@example.org' })
      .expect(201);
    const queue = await request(t.server).get('/api/v1/admin/moderation').set(admin);
    expect(queue.body.reports).toEqual([
      expect.objectContaining({ id: report.body.id, reason: 'scam', hasEmail: true }),
    ]);
    expect(JSON.stringify(queue.body)).not.toContain('seeker@example.org');

    const ban = await request(t.server)
      .post('/api/v1/admin/moderation/domains')
      .set(admin)
      .send({ domain: 'codingstaffpartners.example', reason: 'Advance-fee scam' })
      .expect(200);
    expect(ban.body.withdrawn).toBeGreaterThanOrEqual(1);
    expect(await searchIds({ q: 'billing clerk' })).not.toContain(created.body.id);
    await request(t.server)
      .post('/api/v1/recruiter/sign-in')
      .send({ email: 'new@codingstaffpartners.example' })
      .expect(403);
    await request(t.server)
      .post(`/api/v1/admin/moderation/reports/${report.body.id}/resolve`)
      .set(admin)
      .send({ resolution: 'Confirmed; domain banned' })
      .expect(200);
  });

  it('syndicates open postings in the jobs feed and the sitemap, never ingested listings', async () => {
    const created = await request(t.server)
      .post(base(hospital))
      .set(bearer(hospital.session))
      .send({ posting: samplePostingInput({ title: 'Feed Coder' }), submit: true })
      .expect(201);
    const feed = await request(t.server).get('/feeds/jobs.xml').expect(200);
    expect(feed.text).toContain(`<referencenumber>${created.body.id}</referencenumber>`);
    const part = await request(t.server).get(`/sitemaps/listings-${created.body.id[0]}.xml`).expect(200);
    expect(part.text).toContain(created.body.id);
    await request(t.server)
      .post(`${base(hospital)}/${created.body.id}/close`)
      .set(bearer(hospital.session))
      .send({ reason: 'withdrawn' })
      .expect(200);
    expect((await request(t.server).get('/feeds/jobs.xml')).text).not.toContain(created.body.id);
  });

  it('counts views, appearances and apply clicks, exports them as CSV; the audit log tells the story', async () => {
    const created = await request(t.server)
      .post(base(hospital))
      .set(bearer(hospital.session))
      .send({ posting: samplePostingInput({ title: 'Counted Coder' }), submit: true })
      .expect(201);
    await request(t.server).get(`/jobs/${created.body.id}`).redirects(1).expect(200);
    await request(t.server).get('/jobs').query({ q: 'counted coder' }).expect(200);
    const apply = await request(t.server).get(`/jobs/${created.body.id}/apply`).expect(303);
    expect(apply.headers.location).toBe('https://careers.mercy.example/jobs/123');
    await t.app.get(PostingStatsRecorder).flush();
    const stats = await request(t.server)
      .get(`${base(hospital)}/${created.body.id}/stats`)
      .set(bearer(hospital.session));
    expect(stats.body).toEqual([expect.objectContaining({ views: 1, appearances: 1, applyClicks: 1 })]);
    const csv = await request(t.server)
      .get(`${base(hospital)}/stats.csv`)
      .set(bearer(hospital.session))
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe('day,posting_id,title,views,search_appearances,apply_clicks');
    expect(csv.text).toContain(`${created.body.id},"Counted Coder",1,1,1`);
    const log = await request(t.server)
      .get(`/api/v1/recruiter/orgs/${hospital.orgId}/audit`)
      .set(bearer(hospital.session));
    const actions = log.body.entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'posting.created',
        'posting.published',
        'posting.edited',
        'posting.closed',
        'posting.reposted',
        'posting.renewed',
        'posting.expired',
      ]),
    );
  });
  it('limits the postings an organization creates in a day', async () => {
    // 50 drafts written today already (straight into the table: the limit reads the rows).
    await db.ds.query(
      `INSERT INTO recruiter_postings (organization_id, created_by, state, title, fields)
       SELECT $1, 'system', 'draft', 'Filler', '{}'::jsonb FROM generate_series(1, 50)`,
      [hospital.orgId],
    );
    const res = await request(t.server)
      .post(base(hospital))
      .set(bearer(hospital.session))
      .send({ posting: samplePostingInput() })
      .expect(429);
    expect(res.body.error.code).toBe('RATE_LIMITED');
  });
});

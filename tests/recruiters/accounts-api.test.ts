import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { RecruiterMailbox } from '../support/recruiter-mail';
import { bearer, recruiterWithOrg, signInByApi } from '../support/recruiter-client';

describe('recruiters: sign-in, organizations, members, keys', () => {
  let db: TestDatabase;
  let t: TestApp;
  let mailbox: RecruiterMailbox;
  let hospital: { session: string; orgId: string };
  let agency: { session: string; orgId: string };

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await createTestApp(db.url);
    mailbox = await new RecruiterMailbox().start(t.app, db.ds);
    hospital = await recruiterWithOrg(t.server, mailbox, 'pat@mercyvalley.example', {
      name: 'Mercy Valley Health',
      kind: 'employer',
      website: 'https://www.mercyvalley.example',
    });
    agency = await recruiterWithOrg(t.server, mailbox, 'recruiter.jo@gmail.com', {
      name: 'Coding Staff Partners',
      kind: 'agency',
      website: 'https://gmail.com',
    });
  });
  afterAll(async () => {
    await mailbox?.stop();
    await t?.close();
    await db?.drop();
  });

  it('signs in with a one-time mailed link, which works once', async () => {
    await request(t.server)
      .post('/api/v1/recruiter/sign-in')
      .send({ email: 'Once@MercyValley.example' })
      .expect(202);
    const token = await mailbox.tokenFor('once@mercyvalley.example', 'sign-in/confirm');
    const res = await request(t.server).post('/api/v1/recruiter/sessions').send({ token }).expect(201);
    expect(res.body.sessionToken).toMatch(/^cjc_/);
    await request(t.server).post('/api/v1/recruiter/sessions').send({ token }).expect(401);
    const me = await request(t.server)
      .get('/api/v1/recruiter/me')
      .set(bearer(res.body.sessionToken))
      .expect(200);
    expect(me.body).toMatchObject({ email: 'once@mercyvalley.example', organizations: [] });
    // Stored hashed: the token is nowhere in the database.
    const rows = await db.ds.query('SELECT token_hash FROM recruiter_sign_in_links');
    expect(JSON.stringify(rows)).not.toContain(token);
    await request(t.server)
      .delete('/api/v1/recruiter/sessions/current')
      .set(bearer(res.body.sessionToken))
      .expect(204);
    await request(t.server).get('/api/v1/recruiter/me').set(bearer(res.body.sessionToken)).expect(401);
  });

  it('verifies an employer by its domain, never an organization on free mail', async () => {
    const h = await request(t.server)
      .get(`/api/v1/recruiter/orgs/${hospital.orgId}`)
      .set(bearer(hospital.session));
    expect(h.body).toMatchObject({ verified: true, verifiedBy: 'domain', kind: 'employer', role: 'owner' });
    const a = await request(t.server)
      .get(`/api/v1/recruiter/orgs/${agency.orgId}`)
      .set(bearer(agency.session));
    expect(a.body).toMatchObject({ verified: false, verifiedBy: null, kind: 'agency' });
  });

  it('limits sign-in links per address', async () => {
    for (let i = 0; i < 5; i++)
      await request(t.server)
        .post('/api/v1/recruiter/sign-in')
        .send({ email: 'flood@example.org' })
        .expect(202);
    const res = await request(t.server)
      .post('/api/v1/recruiter/sign-in')
      .send({ email: 'flood@example.org' })
      .expect(429);
    expect(res.body.error.code).toBe('RATE_LIMITED');
    await mailbox.deliver();
  });

  it('invites by e-mail; the invitee accepts; a removed member is refused at once', async () => {
    const inv = await request(t.server)
      .post(`/api/v1/recruiter/orgs/${hospital.orgId}/invitations`)
      .set(bearer(hospital.session))
      .send({ email: 'sam@mercyvalley.example' })
      .expect(201);
    expect(inv.body).toMatchObject({ email: 'sam@mercyvalley.example', role: 'recruiter' });
    const inviteToken = await mailbox.tokenFor('sam@mercyvalley.example', 'invitations/accept');
    const sam = await signInByApi(t.server, mailbox, 'sam@mercyvalley.example');
    // Only the invited address may accept.
    await request(t.server)
      .post('/api/v1/recruiter/invitations/accept')
      .set(bearer(agency.session))
      .send({ token: inviteToken })
      .expect(403);
    const accepted = await request(t.server)
      .post('/api/v1/recruiter/invitations/accept')
      .set(bearer(sam))
      .send({ token: inviteToken })
      .expect(201);
    expect(accepted.body).toMatchObject({ id: hospital.orgId, role: 'recruiter' });
    // A recruiter reads but does not manage.
    const members = await request(t.server)
      .get(`/api/v1/recruiter/orgs/${hospital.orgId}/members`)
      .set(bearer(sam))
      .expect(200);
    expect(members.body.map((m: { email: string }) => m.email).sort()).toEqual([
      'pat@mercyvalley.example',
      'sam@mercyvalley.example',
    ]);
    await request(t.server)
      .get(`/api/v1/recruiter/orgs/${hospital.orgId}/api-keys`)
      .set(bearer(sam))
      .expect(403);
    const samId = members.body.find((m: { email: string }) => m.email === 'sam@mercyvalley.example').id;
    await request(t.server)
      .delete(`/api/v1/recruiter/orgs/${hospital.orgId}/members/${samId}`)
      .set(bearer(hospital.session))
      .expect(204);
    await request(t.server).get(`/api/v1/recruiter/orgs/${hospital.orgId}`).set(bearer(sam)).expect(403);
    // The last owner stays.
    const ownerId = members.body.find((m: { email: string }) => m.email === 'pat@mercyvalley.example').id;
    await request(t.server)
      .delete(`/api/v1/recruiter/orgs/${hospital.orgId}/members/${ownerId}`)
      .set(bearer(hospital.session))
      .expect(409);
  });

  it('hands out an API key once, stores its hash, and a revoked key stops at once', async () => {
    const created = await request(t.server)
      .post(`/api/v1/recruiter/orgs/${hospital.orgId}/api-keys`)
      .set(bearer(hospital.session))
      .send({ name: 'ATS' })
      .expect(201);
    const key = created.body.key as string;
    expect(key).toMatch(/^cjk_/);
    const list = await request(t.server)
      .get(`/api/v1/recruiter/orgs/${hospital.orgId}/api-keys`)
      .set(bearer(hospital.session));
    expect(JSON.stringify(list.body)).not.toContain(key);
    expect(JSON.stringify(await db.ds.query('SELECT * FROM organization_api_keys'))).not.toContain(key);
    await request(t.server).get(`/api/v1/recruiter/orgs/${hospital.orgId}`).set(bearer(key)).expect(200);
    // A key is its organization's only, and cannot manage keys or members.
    await request(t.server).get(`/api/v1/recruiter/orgs/${agency.orgId}`).set(bearer(key)).expect(403);
    await request(t.server)
      .get(`/api/v1/recruiter/orgs/${hospital.orgId}/api-keys`)
      .set(bearer(key))
      .expect(403);
    await request(t.server)
      .post('/api/v1/recruiter/orgs')
      .set(bearer(key))
      .send({ name: 'Other Corp', kind: 'employer' })
      .expect(403);
    await request(t.server)
      .delete(`/api/v1/recruiter/orgs/${hospital.orgId}/api-keys/${created.body.id}`)
      .set(bearer(hospital.session))
      .expect(204);
    await request(t.server).get(`/api/v1/recruiter/orgs/${hospital.orgId}`).set(bearer(key)).expect(401);
  });

  it('keeps an audit log of every change that owners read as field diffs', async () => {
    await request(t.server)
      .patch(`/api/v1/recruiter/orgs/${hospital.orgId}`)
      .set(bearer(hospital.session))
      .send({ name: 'Mercy Valley Health System' })
      .expect(200);
    const log = await request(t.server)
      .get(`/api/v1/recruiter/orgs/${hospital.orgId}/audit`)
      .set(bearer(hospital.session))
      .expect(200);
    const actions = log.body.entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'organization.created',
        'organization.verified',
        'member.added',
        'invitation.sent',
        'member.removed',
        'apikey.created',
        'apikey.revoked',
        'organization.changed',
      ]),
    );
    expect(log.body.entries[0]).toMatchObject({
      action: 'organization.changed',
      diff: { name: { from: 'Mercy Valley Health', to: 'Mercy Valley Health System' } },
    });
  });

  it('refuses every read and write of one organization by the other', async () => {
    const attempts: Array<[string, string, object?]> = [
      ['get', ''],
      ['patch', '', { name: 'Taken over' }],
      ['get', '/members'],
      ['get', '/invitations'],
      ['post', '/invitations', { email: 'mole@evil.example' }],
      ['get', '/api-keys'],
      ['post', '/api-keys', { name: 'stolen' }],
      ['get', '/audit'],
    ];
    let refused = 0;
    for (const [method, path, body] of attempts) {
      const agent = request(t.server);
      const call = agent[method as 'get'].bind(agent);
      const req = call(`/api/v1/recruiter/orgs/${hospital.orgId}${path}`).set(bearer(agency.session));
      const res = await (body ? req.send(body) : req);
      expect(res.status).toBe(403);
      refused++;
    }
    expect(refused).toBe(attempts.length);
    await request(t.server).get('/api/v1/recruiter/orgs/not-a-uuid').set(bearer(agency.session)).expect(400);
  });

  it('documents the recruiters API in the OpenAPI document, with examples', async () => {
    const doc = await request(t.server).get('/docs/openapi.json').expect(200);
    const paths = Object.keys(doc.body.paths);
    for (const path of [
      '/api/v1/recruiter/sign-in',
      '/api/v1/recruiter/sessions',
      '/api/v1/recruiter/orgs/{orgId}/api-keys',
      '/api/v1/recruiter/orgs/{orgId}/postings',
      '/api/v1/recruiter/orgs/{orgId}/postings/{id}/renew',
      '/api/v1/admin/moderation',
      '/api/v1/listings/{id}/reports',
    ])
      expect(paths).toContain(path);
    const create = doc.body.paths['/api/v1/recruiter/orgs/{orgId}/postings'].post;
    expect(create.requestBody.content['application/json'].schema.example.posting.title).toBe(
      'Remote Outpatient Coder',
    );
    // Pages stay out of the document.
    expect(paths.some((p) => p.startsWith('/recruiters'))).toBe(false);
  });
});

import request from 'supertest';
import { RecruiterMailbox } from '../support/recruiter-mail';
import { bearer, signInByApi } from '../support/recruiter-client';
import { createTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// The recruiters' pages over HTTP: sign-in needs the form token, the session cookie is httpOnly and
// SameSite, pages of another organization are refused, and markup in a posting stays text.
describe('recruiters pages: sessions, CSRF and ownership', () => {
  let db: TestDatabase;
  let t: TestApp;
  let mailbox: RecruiterMailbox;

  async function formToken(
    path: string,
    cookies: string[] = [],
  ): Promise<{ token: string; cookies: string[] }> {
    const res = await request(t.server).get(path).set('Cookie', cookies.join('; ')).expect(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(res.text)?.[1];
    const set = ((res.headers['set-cookie'] as unknown as string[] | undefined) ?? []).map(
      (c) => c.split(';')[0],
    );
    if (!token) throw new Error(`no form token on ${path}`);
    return {
      token,
      cookies: [...cookies.filter((c) => !set.some((s) => s.split('=')[0] === c.split('=')[0])), ...set],
    };
  }

  /** Signs in through the pages; the cookies of the signed-in browser. */
  async function signInByPages(email: string): Promise<string[]> {
    const form = await formToken('/recruiters/sign-in');
    await request(t.server)
      .post('/recruiters/sign-in')
      .set('Cookie', form.cookies.join('; '))
      .type('form')
      .send({ email, _csrf: form.token })
      .expect(200);
    const token = await mailbox.tokenFor(email, 'sign-in/confirm');
    const confirm = await formToken(`/recruiters/sign-in/confirm?token=${token}`, form.cookies);
    const res = await request(t.server)
      .post('/recruiters/sign-in/confirm')
      .set('Cookie', confirm.cookies.join('; '))
      .type('form')
      .send({ token, _csrf: confirm.token })
      .expect(303)
      .expect('location', '/recruiters');
    const session = (res.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('cj_recruiter='),
    )!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(session).toMatch(/Max-Age=1209600/);
    // Only the hash of the cookie's token is stored.
    const value = /^cj_recruiter=([^;]+)/.exec(session)![1];
    expect(JSON.stringify(await db.ds.query('SELECT token_hash FROM recruiter_sessions'))).not.toContain(
      value,
    );
    return [...confirm.cookies, session.split(';')[0]];
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await createTestApp(db.url);
    mailbox = await new RecruiterMailbox().start(t.app, db.ds);
  });
  afterAll(async () => {
    await mailbox?.stop();
    await t?.close();
    await db?.drop();
  });

  it('sends a visitor without a session to sign in, and refuses a sign-in form without its token', async () => {
    await request(t.server)
      .get('/recruiters')
      .expect(303)
      .expect('location', /^\/recruiters\/sign-in\?next=/);
    await request(t.server)
      .post('/recruiters/sign-in')
      .type('form')
      .send({ email: 'pat@mercyvalley.example' })
      .expect(403);
    expect((await db.ds.query('SELECT count(*)::int AS n FROM recruiter_sign_in_links'))[0].n).toBe(0);
  });

  it("keeps one organization's pages from another's members, and shows markup as text", async () => {
    const mine = await signInByPages('pat@mercyvalley.example');
    const theirs = await signInByApi(t.server, mailbox, 'jo@codingstaff.example');
    const org = await request(t.server)
      .post('/api/v1/recruiter/orgs')
      .set(bearer(theirs))
      .send({ name: 'Coding Staff <script>x</script>', kind: 'agency' })
      .expect(201);
    await request(t.server).get(`/recruiters/orgs/${org.body.id}`).set('Cookie', mine.join('; ')).expect(403);
    await request(t.server)
      .get(`/recruiters/orgs/${org.body.id}/audit`)
      .set('Cookie', mine.join('; '))
      .expect(403);
    await request(t.server)
      .get(`/recruiters/orgs/${org.body.id}/stats.csv`)
      .set('Cookie', mine.join('; '))
      .expect(403);
    // A form of mine cannot write to their organization either.
    const form = await formToken('/recruiters', mine);
    await request(t.server)
      .post(`/recruiters/orgs/${org.body.id}/api-keys`)
      .set('Cookie', form.cookies.join('; '))
      .type('form')
      .send({ name: 'stolen', _csrf: form.token })
      .expect(403);
    const page = await request(t.server).get('/recruiters').set('Cookie', mine.join('; ')).expect(200);
    expect(page.text).not.toContain('<script>x</script>');
    // Their own page shows the name as text.
    const me = await signInByPages('jo@codingstaff.example');
    const own = await request(t.server)
      .get(`/recruiters/orgs/${org.body.id}`)
      .set('Cookie', me.join('; '))
      .expect(200);
    expect(own.text).toContain('Coding Staff &lt;script>x&lt;/script>');
  });

  it('signs out: the session stops working at once', async () => {
    const cookies = await signInByPages('sam@mercyvalley.example');
    await request(t.server).get('/recruiters').set('Cookie', cookies.join('; ')).expect(200);
    const form = await formToken('/recruiters', cookies);
    await request(t.server)
      .post('/recruiters/sign-out')
      .set('Cookie', form.cookies.join('; '))
      .type('form')
      .send({ _csrf: form.token })
      .expect(303);
    await request(t.server).get('/recruiters').set('Cookie', cookies.join('; ')).expect(303);
  });
});

import request from 'supertest';
import { jsonLdBlocks, recommendedProblems, requiredProblems } from '../support/job-posting-rules';
import { daysAgo, DALLAS, hourly, insertListings } from '../support/listing-factory';
import { createTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// The pages' defences, over HTTP against the real app: every value escaped (a hostile title is text
// on the page and cannot leave its JSON-LD block), a strict CSP and security headers on every answer,
// CSRF refused both by origin and by token, cookies that scripts cannot read, and JSON errors kept for
// the API while pages get error pages.

const HOSTILE = `</script><script>alert("x")</script><img src=x onerror=alert(1)> Coder & "Biller"`;

let db: TestDatabase;
let t: TestApp;
let hostileId: string;
let fullId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const [hostile, full] = await insertListings(db.ds, [
    {
      title: HOSTILE,
      employer: '<b>Evil</b> Corp',
      workMode: 'remote',
      remoteStates: ['TX'],
      certifications: { required: ['CPC'] },
      postedAt: daysAgo(1),
    },
    {
      title: 'Inpatient Coding Specialist',
      employer: 'Lakeside Regional Medical Center',
      certifications: { required: ['CCS'] },
      specialties: ['inpatient'],
      workMode: 'onsite',
      locations: [DALLAS],
      salary: hourly(30, 38),
      employmentType: 'full_time',
      minYearsExperience: 3,
      postedAt: daysAgo(4),
      validThrough: new Date(Date.now() + 20 * 86_400_000).toISOString(),
    },
  ]);
  hostileId = hostile.id;
  fullId = full.id;
  // Apply addresses as a feed could send them.
  await db.ds.query('UPDATE listings SET url = $1 WHERE id = $2', [
    'javascript:alert(document.cookie)',
    hostileId,
  ]);
  await db.ds.query('UPDATE listings SET url = $1 WHERE id = $2', [
    'https://careers.lakeside.example/jobs/1',
    fullId,
  ]);
  t = await createTestApp(db.url);
});

afterAll(async () => {
  await t?.close();
  await db?.drop();
});

/** A page's form token and the cookie it belongs to. */
async function formToken(path: string): Promise<{ token: string; cookie: string }> {
  const res = await request(t.server).get(path).expect(200);
  const token = /name="_csrf" value="([^"]+)"/.exec(res.text)?.[1];
  const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('cj_csrf='));
  if (!token || !cookie) throw new Error(`no form token on ${path}`);
  return { token, cookie: cookie.split(';')[0] };
}

describe('escaping', () => {
  it('shows a hostile title as text in lists, on its page and in its JSON-LD', async () => {
    const list = await request(t.server).get('/jobs?q=Coder&literal=1').expect(200);
    expect(list.text).not.toContain('<script>alert');
    expect(list.text).not.toContain('<img src=x');
    expect(list.text).toContain(
      '&lt;/script>&lt;script>alert(&quot;x&quot;)&lt;/script>&lt;img src=x onerror=alert(1)> Coder &amp; &quot;Biller&quot;',
    );

    const page = await request(t.server).get(`/jobs/${hostileId}`).redirects(1).expect(200);
    expect(page.text).not.toMatch(/<script>alert|<img src=x|<b>Evil<\/b>/);
    // The JSON-LD holds the title exactly, with no "<" that could end its element.
    const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page.text)![1];
    expect(block).not.toContain('<');
    expect(JSON.parse(block).title).toBe(HOSTILE);
    // A javascript: apply address is not turned into a link.
    expect(page.text).not.toContain('javascript:');
    expect(page.text).not.toContain('Apply on the employer');
  });

  it('escapes what a visitor typed wherever the page repeats it', async () => {
    const res = await request(t.server)
      .get('/jobs')
      .query({ q: '"><script>alert(1)</script>', literal: '1' })
      .expect(200);
    expect(res.text).not.toContain('<script>alert(1)');
    expect(res.text).toContain('&lt;script>alert(1)&lt;/script>');
    const bad = await request(t.server).get('/jobs').query({ near: '<svg onload=alert(1)>' }).expect(400);
    expect(bad.text).not.toContain('<svg onload');
  });
});

describe('headers', () => {
  it('sends a CSP without inline script and the usual security headers on pages and the API', async () => {
    for (const path of ['/', '/jobs', `/jobs/${fullId}`, '/profile', '/api/v1/listings', '/nope']) {
      const res = await request(t.server).get(path).redirects(1);
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(res.headers['permissions-policy']).toContain('camera=()');
    }
  });

  it('has no inline script or style, nor an inline event handler, in any page', async () => {
    for (const path of [
      '/',
      '/jobs',
      `/jobs/${fullId}`,
      '/profile',
      '/matches',
      '/jobs/remote/medical-coder',
    ]) {
      const html = (await request(t.server).get(path).redirects(1)).text;
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      for (const [, attributes, body] of scripts) {
        // Only external scripts, and JSON-LD data blocks (not executed).
        if (!attributes.includes('type="application/ld+json"')) {
          expect(attributes).toMatch(/src="\/assets\//);
          expect(body).toBe('');
        }
      }
      expect(html).not.toMatch(/<style\b|\sstyle="|\son[a-z]+="/);
    }
  });

  it('serves assets from the app, compressed and cached for a year under a hashed name', async () => {
    const html = (await request(t.server).get('/jobs')).text;
    const css = /href="(\/assets\/site\.[0-9a-f]{12}\.css)"/.exec(html)![1];
    const js = /src="(\/assets\/htmx\.[0-9a-f]{12}\.js)"/.exec(html)![1];
    const res = await request(t.server)
      .get(css)
      .set('Accept-Encoding', 'gzip')
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // The client undid the gzip: the text is the style sheet.
    expect((res.body as Buffer).toString('utf8')).toContain('.skip-link');
    await request(t.server)
      .get(js)
      .expect(200)
      .expect('content-type', /javascript/);
    await request(t.server)
      .get('/assets/site.css')
      .expect(200)
      .expect('cache-control', 'public, max-age=300');
    await request(t.server).get('/assets/..%2Fpackage.json').expect(404);
  });
});

describe('CSRF', () => {
  const profile = {
    credentials: 'CPC',
    yearsExperience: '3',
    workMode: 'remote_only',
    stateOfResidence: 'TX',
    commuteMiles: '25',
    minPayPeriod: 'hour',
  };

  it('refuses a form without its token, or with a token from another browser', async () => {
    const missing = await request(t.server).post('/profile').type('form').send(profile).expect(403);
    expect(missing.headers['content-type']).toContain('text/html');
    expect(missing.text).toContain('This form has expired or did not come from a CoderJobs page');

    const mine = await formToken('/profile');
    const theirs = await formToken('/profile');
    await request(t.server)
      .post('/profile')
      .set('Cookie', mine.cookie)
      .type('form')
      .send({ ...profile, _csrf: theirs.token })
      .expect(403);
    const { rows } = { rows: await db.ds.query('SELECT count(*)::int AS n FROM candidates') };
    expect(rows[0].n).toBe(0);
  });

  it('refuses a post from another site even with a valid token', async () => {
    const { token, cookie } = await formToken('/profile');
    await request(t.server)
      .post('/profile')
      .set('Cookie', cookie)
      .set('Sec-Fetch-Site', 'cross-site')
      .set('Origin', 'https://evil.example')
      .type('form')
      .send({ ...profile, _csrf: token })
      .expect(403);
  });

  it('takes a same-site form with its token, and keeps the profile in an httpOnly SameSite cookie', async () => {
    const { token, cookie } = await formToken('/profile');
    const saved = await request(t.server)
      .post('/profile')
      .set('Cookie', cookie)
      .set('Sec-Fetch-Site', 'same-origin')
      .type('form')
      .send({ ...profile, _csrf: token })
      .expect(303)
      .expect('location', '/matches');
    const profileCookie = (saved.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('cj_profile='),
    )!;
    expect(profileCookie).toMatch(/HttpOnly/i);
    expect(profileCookie).toMatch(/SameSite=Lax/i);
    expect(profileCookie).toMatch(/Path=\//);
    // The cookie holds the candidate token, of which only the hash is stored.
    const [, id, secret] = /^cj_profile=([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})/.exec(profileCookie)!;
    const [row] = await db.ds.query('SELECT token_hash FROM candidates WHERE id = $1', [id]);
    expect(row.token_hash).not.toContain(secret);

    const matches = await request(t.server)
      .get('/matches')
      .set('Cookie', profileCookie.split(';')[0])
      .expect(200);
    expect(matches.text).toContain('Your matches');
    // A forged cookie (another token for the same id) opens nothing, and is removed.
    const forged = await request(t.server)
      .get('/matches')
      .set('Cookie', `cj_profile=${id}.${'A'.repeat(43)}`)
      .expect(200);
    expect(forged.text).toContain('Build a profile');
    expect((forged.headers['set-cookie'] as unknown as string[]).join()).toMatch(/cj_profile=;/);
  });
});

describe('addresses, errors and search engines', () => {
  it('redirects any other words after an id to the listing’s one address, which is canonical', async () => {
    const res = await request(t.server).get(`/jobs/${fullId}-some-old-words`).expect(301);
    const path = res.headers.location;
    expect(path).toBe(`/jobs/${fullId}-inpatient-coding-specialist-lakeside-regional-medical-center`);
    const page = await request(t.server).get(path).expect(200);
    expect(page.text).toContain(`<link rel="canonical" href="http://localhost:3000${path}"/>`);
    expect(page.text).toContain('href="https://careers.lakeside.example/jobs/1" rel="nofollow noopener"');
  });

  it('points a search that is exactly a landing page at the landing page', async () => {
    const search = await request(t.server)
      .get('/jobs?role=coder&role=coder_biller&workMode=remote')
      .expect(200);
    expect(search.text).toContain(
      '<link rel="canonical" href="http://localhost:3000/jobs/remote/medical-coder"/>',
    );
    expect(search.text).toContain('<meta name="robots" content="noindex, follow"/>');
    const landing = await request(t.server).get('/jobs/remote/medical-coder').expect(200);
    expect(landing.text).toContain(
      '<link rel="canonical" href="http://localhost:3000/jobs/remote/medical-coder"/>',
    );
    expect(landing.text).not.toContain('noindex');
  });

  it('states a full listing in JSON-LD meeting Google’s required and recommended fields', async () => {
    const page = await request(t.server).get(`/jobs/${fullId}`).redirects(1).expect(200);
    const [ld] = jsonLdBlocks(page.text);
    expect(requiredProblems(ld)).toEqual([]);
    expect(recommendedProblems(ld, { baseSalary: true, employmentType: true })).toEqual([]);
    expect(ld).toMatchObject({
      employmentType: 'FULL_TIME',
      jobLocation: { address: { addressLocality: 'Dallas', addressRegion: 'TX', addressCountry: 'US' } },
      baseSalary: { currency: 'USD', value: { minValue: 30, maxValue: 38, unitText: 'HOUR' } },
      identifier: { value: fullId },
    });
  });

  it('answers a submitted form with the address of the filters in use only', async () => {
    const res = await request(t.server)
      .get(
        '/jobs?q=&workMode=remote&remoteEligibleFor=TX&near=&radiusMiles=25&state=&minPay=&sort=newest&role=coder_biller,coder',
      )
      .expect(302);
    expect(res.headers.location).toBe(
      '/jobs?role=coder&role=coder_biller&workMode=remote&remoteEligibleFor=TX&sort=newest',
    );
    await request(t.server).get(res.headers.location).expect(200);
  });

  it('answers a bad page address with an error page, and the API with JSON', async () => {
    const page = await request(t.server).get('/jobs/not-a-listing').expect(404);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('Page not found');
    const api = await request(t.server).get('/api/v1/listings/not-a-uuid').expect(400);
    expect(api.body.error.code).toBe('VALIDATION_FAILED');
    const apiMissing = await request(t.server).get('/api/v1/nothing').expect(404);
    expect(apiMissing.body.error.code).toBe('NOT_FOUND');
  });

  it('names the bad filter on a 400 page and links the summary to the field', async () => {
    const res = await request(t.server).get('/jobs?minPay=lots').expect(400);
    expect(res.text).toContain('<a href="#f-minPay">minPay must be a number</a>');
    const unknown = await request(t.server).get('/jobs?rol=coder').expect(400);
    expect(unknown.text).toContain('unknown parameter rol');
    expect(res.text).toMatch(
      /id="f-minPay"[^>]*aria-invalid="true"[^>]*aria-describedby="f-minPay-hint f-minPay-error"/,
    );
  });

  it('lists open listings and landing pages in the sitemaps, and robots.txt points to them', async () => {
    const robots = await request(t.server).get('/robots.txt').expect(200);
    expect(robots.text).toContain('Sitemap: http://localhost:3000/sitemap.xml');
    expect(robots.text).toContain('Disallow: /profile');
    const index = await request(t.server).get('/sitemap.xml').expect(200).expect('content-type', /xml/);
    const parts = [...index.text.matchAll(/<loc>http:\/\/localhost:3000(\/sitemaps\/[^<]+)<\/loc>/g)].map(
      (m) => m[1],
    );
    expect(parts).toContain('/sitemaps/pages.xml');
    const urls = (await Promise.all(parts.map((p) => request(t.server).get(p).expect(200))))
      .map((r) => r.text)
      .join('\n');
    expect(urls).toContain(`/jobs/${fullId}-inpatient-coding-specialist`);
    expect(urls).toContain(`/jobs/${hostileId}-`);
    expect(urls).toContain('/jobs/remote/medical-coder');
    expect(urls).toContain('/jobs/in/texas/medical-coder');
    expect(urls).not.toContain('<script>');
  });
});

import { distinctiveHtml, greenhouseBoard, leverPage } from '../support/feed-builders';
import { createIngestionHarness, type IngestionHarness } from '../support/ingestion-harness';

describe('ingestion: duplicates fold into one listing', () => {
  let h: IngestionHarness;
  beforeEach(async () => {
    h = await createIngestionHarness();
  });
  afterEach(() => h.close());

  const links = (listingId: string) =>
    h.ds.query(
      'SELECT source_id, external_id FROM source_postings WHERE listing_id = $1 ORDER BY source_id',
      [listingId],
    );

  it("the same job from the employer's ATS and an aggregator is one listing with both source links", async () => {
    const html = distinctiveHtml('Mercy Valley');
    h.server.serve(
      '/v1/boards/mercy/jobs',
      greenhouseBoard([
        { id: '2001', title: 'Outpatient Coder (Remote)', company: 'Mercy Valley Health, Inc.', html },
      ]),
      'application/json',
    );
    h.server.serve(
      '/v0/postings/jobhub',
      leverPage([{ id: 'a-77', title: 'Outpatient Coder', html: `<div>${html}</div>` }]),
      'application/json',
    );
    await h.addGreenhouse('gh-mercy', 'mercy');
    await h.addSource({
      id: 'lever-jobhub',
      kind: 'lever',
      config: { site: 'jobhub', employerName: 'Mercy Valley Health', baseUrl: h.server.origin },
    });
    await h.service.runSource('gh-mercy', 'manual');
    const run = await h.service.runSource('lever-jobhub', 'manual');
    expect(run.new).toBe(1);
    const listings = await h.ds.query('SELECT id FROM listings');
    expect(listings).toHaveLength(1);
    expect(await links(listings[0].id)).toEqual([
      { source_id: 'gh-mercy', external_id: '2001' },
      { source_id: 'lever-jobhub', external_id: 'a-77' },
    ]);
  });

  it('an agency repost of the same description under its own name folds by content', async () => {
    const html = distinctiveHtml('Lakeside');
    h.server.serve(
      '/v1/boards/lakeside/jobs',
      greenhouseBoard([{ id: '3001', title: 'Outpatient Coder', company: 'Lakeside Medical Center', html }]),
      'application/json',
    );
    h.server.serve(
      '/v0/postings/staffco',
      leverPage([{ id: 'rep-1', title: 'Outpatient Coder', html }]),
      'application/json',
    );
    await h.addGreenhouse('gh-lakeside', 'lakeside');
    await h.addSource({
      id: 'lever-staffco',
      kind: 'lever',
      config: { site: 'staffco', employerName: 'StaffCo Healthcare Staffing', baseUrl: h.server.origin },
    });
    await h.service.runSource('gh-lakeside', 'manual');
    await h.service.runSource('lever-staffco', 'manual');
    const listings = await h.ds.query('SELECT id, employer_name FROM listings');
    expect(listings).toHaveLength(1);
    // The listing keeps the first source's (the employer's) identity.
    expect(listings[0].employer_name).toBe('Lakeside Medical Center');
    expect(await links(listings[0].id)).toHaveLength(2);
  });

  it('one role posted in three cities is one listing with three locations', async () => {
    h.server.serve(
      '/v1/boards/mercy/jobs',
      greenhouseBoard([
        { id: '4001', title: 'Patient Account Representative - Dallas, TX', location: 'Dallas, TX' },
        { id: '4002', title: 'Patient Account Representative - Austin, TX', location: 'Austin, TX' },
        { id: '4003', title: 'Patient Account Representative - Tulsa, OK', location: 'Tulsa, OK' },
        { id: '4004', title: 'Inpatient Coder', location: 'Dallas, TX' },
      ]),
      'application/json',
    );
    await h.addGreenhouse('gh-mercy', 'mercy');
    const run = await h.service.runSource('gh-mercy', 'manual');
    expect(run.new).toBe(4);
    const rows = await h.ds.query(
      `SELECT l.id, l.states, (SELECT count(*)::int FROM listing_locations ll WHERE ll.listing_id = l.id) AS n
         FROM listings l WHERE l.title LIKE 'Patient Account%'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].n).toBe(3);
    expect([...rows[0].states].sort()).toEqual(['OK', 'TX']);
    expect(await links(rows[0].id)).toHaveLength(3);

    // Re-ingesting folds nothing twice.
    const again = await h.service.runSource('gh-mercy', 'manual');
    expect(again).toMatchObject({ new: 0, unchanged: 4 });
    const [{ n }] = await h.ds.query('SELECT count(*)::int AS n FROM listings');
    expect(n).toBe(2);
  });

  it('different roles at one employer stay apart', async () => {
    h.server.serve(
      '/v1/boards/mercy/jobs',
      greenhouseBoard([
        { id: '5001', title: 'Inpatient Coder' },
        { id: '5002', title: 'Outpatient Coder' },
      ]),
      'application/json',
    );
    await h.addGreenhouse('gh-mercy', 'mercy');
    await h.service.runSource('gh-mercy', 'manual');
    const [{ n }] = await h.ds.query('SELECT count(*)::int AS n FROM listings');
    expect(n).toBe(2);
  });
});

import { jobsFeed } from './jobs-feed';

const site = {
  origin: 'https://coderjobs.example',
  absolute: (p: string) => `https://coderjobs.example${p}`,
};

describe('jobs feed', () => {
  it('writes one escaped job per posting with the fields boards read', () => {
    const xml = jobsFeed(
      [
        {
          id: '0b7c3a4e-2f55-4f0e-b5a1-7e9d8c6b5a41',
          title: 'Coder <II> & Auditor',
          employer: 'Mercy "Valley"',
          locations: [{ city: 'Dallas', state: 'TX', postalCode: '75201', lat: null, lon: null }],
          descriptionText: 'Code </description><script>',
          salaryMin: 24,
          salaryMax: 29,
          salaryPeriod: 'hour',
          employmentType: 'full_time',
          workMode: 'hybrid',
          postedAt: new Date('2026-03-01T12:00:00Z'),
        },
      ],
      site,
      new Date('2026-03-02T00:00:00Z'),
    );
    expect(xml).toContain('<title>Coder &lt;II&gt; &amp; Auditor</title>');
    expect(xml).toContain('<referencenumber>0b7c3a4e-2f55-4f0e-b5a1-7e9d8c6b5a41</referencenumber>');
    expect(xml).toContain('<url>https://coderjobs.example/jobs/0b7c3a4e-2f55-4f0e-b5a1-7e9d8c6b5a41</url>');
    expect(xml).toContain('<salary>$24 - $29 per hour</salary>');
    expect(xml).toContain('<jobtype>fulltime</jobtype>');
    expect(xml).toContain('<postalcode>75201</postalcode>');
    expect(xml).not.toContain('<script>');
    expect(xml.match(/<job>/g)).toHaveLength(1);
  });
});

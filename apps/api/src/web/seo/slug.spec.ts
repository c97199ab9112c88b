import { slugify } from './slug';

describe('slugify', () => {
  it('makes lower-case words joined by single hyphens', () => {
    expect(slugify('Remote Medical Coder II (CPC)', 'Mercy Valley Health')).toBe(
      'remote-medical-coder-ii-cpc-mercy-valley-health',
    );
  });

  it('drops accents and spells out ampersands', () => {
    expect(slugify('Coding Educator – Niño & Família')).toBe('coding-educator-nino-and-familia');
  });

  it('never leaves markup or a stray hyphen, and cuts at a word', () => {
    const slug = slugify('<script>alert(1)</script>', 'x'.repeat(30), 'y'.repeat(30), 'z'.repeat(30));
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toBe(`script-alert-1-script-${'x'.repeat(30)}`);
  });

  it('is empty when nothing readable is left', () => {
    expect(slugify(null, '—')).toBe('');
  });
});

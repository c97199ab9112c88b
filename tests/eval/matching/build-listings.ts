import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MatchableListing } from '#matching';
import { createRandom, findCity } from '../../support/synthetic-listings';
import { LISTING_TEMPLATES, type ListingTemplate } from './listing-templates';

// Expands the hand-written templates into the listings the relevance judgements refer to. The output
// is committed as listings.json so the judgements stay tied to concrete postings; this script
// regenerates it (`--write`, then format it with prettier) or checks that it is still in step with the templates (default).

export const EVAL_NOW = new Date('2026-03-01T00:00:00Z');
export const LISTINGS_FILE = 'tests/eval/matching/listings.json';
const SEED = 20260301;
const DAY_MS = 86_400_000;

function salaryOf(pay: ListingTemplate['pay']): MatchableListing['salary'] {
  if (!pay) return null;
  const annual = pay.period === 'hour' ? 2080 : pay.period === 'year' ? 1 : null;
  return {
    min: pay.min,
    max: pay.max,
    period: pay.period,
    currency: 'USD',
    annualMin: annual === null ? null : pay.min * annual,
    annualMax: annual === null ? null : pay.max * annual,
  };
}

function locationOf(cityName: string): MatchableListing['locations'][number] {
  const city = findCity(cityName);
  if (!city) throw new Error(`listing template city not in the city table: ${cityName}`);
  return { city: city.city, state: city.state, postalCode: city.postalCode, lat: city.lat, lon: city.lon };
}

export function buildEvalListings(): MatchableListing[] {
  const random = createRandom(SEED);
  const listings: MatchableListing[] = [];
  for (const t of LISTING_TEMPLATES) {
    for (let i = 0; i < t.variants; i++) {
      // Most postings are recent; one in twenty has no date.
      const daysAgo = Math.floor(random() * random() * 45);
      const undated = random() < 0.05;
      listings.push({
        id: `${t.key}-${i + 1}`,
        title: t.title,
        employer: t.employers[i % t.employers.length],
        postedAt: undated
          ? null
          : new Date(EVAL_NOW.getTime() - daysAgo * DAY_MS - 9 * 3_600_000).toISOString(),
        role: t.role,
        certifications: {
          required: t.certs?.required ?? [],
          anyOf: t.certs?.anyOf ?? [],
          preferred: t.certs?.preferred ?? [],
          requiredWithinDays: t.certs?.requiredWithinDays ?? null,
          equivalentAccepted: t.certs?.equivalentAccepted ?? false,
          apprenticeAccepted: t.certs?.apprenticeAccepted ?? false,
        },
        specialties: t.specialties,
        workMode: t.workMode,
        remoteStates: t.remoteStates ?? null,
        remoteExcludedStates: t.remoteExcludedStates ?? [],
        remoteCountry: t.workMode === 'remote' ? (t.remoteCountry ?? 'US') : null,
        locations: [locationOf(t.cities[i % t.cities.length])],
        salary: salaryOf(t.pay),
        employmentType: t.employmentType ?? 'full_time',
        minYearsExperience: t.minYears ?? null,
      });
    }
  }
  return listings;
}

function main(): void {
  const path = resolve(process.cwd(), LISTINGS_FILE);
  const text = `${JSON.stringify(buildEvalListings(), null, 2)}\n`;
  if (process.argv.includes('--write')) {
    writeFileSync(path, text);
    console.log(`wrote ${path}`);
    return;
  }
  // Compared as data: the committed file is formatted by prettier, not by JSON.stringify.
  const current = JSON.stringify(JSON.parse(readFileSync(path, 'utf8')));
  if (current !== JSON.stringify(JSON.parse(text))) {
    console.error(`${LISTINGS_FILE} is out of step with listing-templates.ts; run with --write and re-judge`);
    process.exit(1);
  }
  console.log(`${LISTINGS_FILE} matches the templates`);
}

if (require.main === module) main();

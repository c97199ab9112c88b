import { checkEligibility, defaultEquivalenceRules } from '#matching';
import { profileWith } from '#matching/testing';
import { normalizePosting } from '#normalizer';
import { MATCHABLE_FACTS, type Credential, type MatchableListing } from '#taxonomy';

// Matching takes the normalizer's reading of a posting's requirements as given: a second credential
// flattened into a choice shows coders jobs they cannot take, and a licence mentioned in passing read
// as required refuses coders who qualify. These postings are in our own words; each reads one shape.

const rules = defaultEquivalenceRules();
const NOW = new Date('2026-03-01T12:00:00Z');

function listingFrom(title: string, description: string): MatchableListing {
  const normalized = normalizePosting(
    { externalId: 'p1', title, description, descriptionFormat: 'text', remote: true },
    { now: NOW },
  );
  const facts = Object.fromEntries(MATCHABLE_FACTS.map((key) => [key, normalized[key]]));
  return { ...(facts as Omit<MatchableListing, 'id'>), id: 'p1' };
}

function canTake(listing: MatchableListing, credentials: Credential[]): boolean {
  const profile = profileWith({ credentials, roles: [], workMode: 'any' });
  return checkEligibility(listing, profile, rules).eligible;
}

describe('requirements read from postings, as matching sees them', () => {
  describe('a second credential required', () => {
    const listing = listingFrom(
      'Risk Adjustment Coder (Remote)',
      'Fully remote.\nRequirements\n- CPC or equivalent and CRC or equivalent required\n- Two years of HCC coding',
    );

    it('keeps both credentials required', () => {
      expect(listing.certifications.required).toEqual(['CPC', 'CRC']);
      expect(listing.certifications.anyOf).toEqual([]);
    });

    it('does not show the job to a coder holding only the first', () => {
      expect(canTake(listing, ['CPC'])).toBe(false);
      expect(canTake(listing, ['CPC', 'CRC'])).toBe(true);
    });

    it('keeps one required credential apart from a choice of a second', () => {
      const choice = listingFrom(
        'Outpatient Coder (Remote)',
        'Remote.\nRequirements\n- CPC and either CRC or CCS\n- Two years of outpatient coding',
      );
      expect(canTake(choice, ['CRC'])).toBe(false);
      expect(canTake(choice, ['CPC'])).toBe(false);
      expect(canTake(choice, ['CPC', 'CCS'])).toBe(true);
    });

    it('reads "either a credential of one kind or of another" as one choice', () => {
      const either = listingFrom(
        'Coding Specialist (Remote)',
        'Remote.\nRequirements\n- Either a professional-fee credential (CPC, COC) or a facility credential (CCS, CCA)',
      );
      expect(canTake(either, ['CCS'])).toBe(true);
      expect(canTake(either, ['CPC'])).toBe(true);
      expect(canTake(either, ['CPB'])).toBe(false);
    });
  });

  describe('a licence mentioned in passing', () => {
    it.each([
      [
        'named as the background of one path',
        'Requirements\n- Clinical background (RN or LPN) or three years of ED coding experience\n- CPC required',
      ],
      [
        'named as the other path after the years',
        'Requirements\n- Three years of ED coding or prior work as a registered nurse (RN)\n- CPC required',
      ],
      [
        'naming the staff the coder works with',
        'Duties\n- Answer questions from RN staff and the CDI team\nRequirements\n- CPC required',
      ],
      ['said not to be needed', 'Requirements\n- CPC required; an RN license is not needed'],
    ])('does not refuse a certified coder without it when %s', (_shape, requirements) => {
      const listing = listingFrom('ED Coder (Remote)', `Remote.\n${requirements}`);
      expect(listing.certifications.required).toEqual(['CPC']);
      expect(listing.certifications.anyOf).toEqual([]);
      expect(canTake(listing, ['CPC'])).toBe(true);
    });

    it('still refuses a coder without a licence the posting requires', () => {
      const listing = listingFrom(
        'CDI Specialist (Remote)',
        'Remote.\nRequirements\n- Active RN license required\n- Two years of CDI experience',
      );
      expect(canTake(listing, ['CCS'])).toBe(false);
      expect(canTake(listing, ['RN', 'CCS'])).toBe(true);
    });

    it('asks nothing of a program that makes one eligible to sit an exam', () => {
      const listing = listingFrom(
        'Coder Trainee (Remote)',
        'Remote.\nRequirements\n- Completion of a coding program that qualifies graduates to sit for the CPC or CCA exam',
      );
      expect(canTake(listing, [])).toBe(true);
    });
  });
});

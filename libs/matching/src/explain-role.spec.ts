import { listingWith, profileWith } from '../testing/fixtures';
import { explainRole } from './explain-role';

describe('explainRole', () => {
  it('fits a wanted role fully and says nothing', () => {
    expect(explainRole(listingWith({ role: 'coder' }), profileWith({ roles: ['coder'] }))).toEqual({
      part: 1,
      reasons: [],
      missing: [],
    });
  });

  it('fits a neighbouring role a little less, and says so', () => {
    const result = explainRole(listingWith({ role: 'coder_biller' }), profileWith({ roles: ['coder'] }));
    expect(result.part).toBeLessThan(1);
    expect(result.reasons).toEqual([
      {
        code: 'role_neighbour',
        text: 'A coding and billing role: close to the coding work you asked for',
        effect: 'neutral',
      },
    ]);
  });

  it('names the roles asked for when the listing is something else', () => {
    const result = explainRole(
      listingWith({ role: 'educator' }),
      profileWith({ roles: ['coder', 'auditor'] }),
    );
    expect(result.missing).toEqual([
      {
        code: 'role_not_wanted',
        text: 'A coding education role: you asked for coding or coding audit roles',
      },
    ]);
  });
});

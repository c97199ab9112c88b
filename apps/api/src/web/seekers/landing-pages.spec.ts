import { findLanding, LANDING_ROLES, landingFor, stateLanding } from './landing-pages';

describe('landing pages', () => {
  it('finds remote-by-role and role-in-state pages by their addresses', () => {
    expect(findLanding({ role: 'medical-coder' })).toMatchObject({
      path: '/jobs/remote/medical-coder',
      title: 'Remote medical coder jobs',
      params: { role: ['coder', 'coder_biller'], workMode: ['remote'] },
    });
    expect(findLanding({ role: 'medical-biller', state: 'new-york' })).toMatchObject({
      path: '/jobs/in/new-york/medical-biller',
      title: 'Medical biller jobs in New York',
      params: { role: ['biller', 'coder_biller'], state: ['NY'] },
    });
  });

  it('has no page for unknown roles or states', () => {
    expect(findLanding({ role: 'astronaut' })).toBeNull();
    expect(findLanding({ role: 'medical-coder', state: 'atlantis' })).toBeNull();
  });

  it('gives every state and role an address it can be found by again', () => {
    const dc = stateLanding(LANDING_ROLES[0], 'DC');
    expect(dc.path).toBe('/jobs/in/district-of-columbia/medical-coder');
    expect(findLanding({ role: 'medical-coder', state: 'district-of-columbia' })?.params.state).toEqual([
      'DC',
    ]);
  });

  it('names the landing page a /jobs search is exactly, for its canonical address', () => {
    expect(landingFor({ role: ['coder', 'coder_biller'], workMode: ['remote'] })?.path).toBe(
      '/jobs/remote/medical-coder',
    );
    expect(landingFor({ role: ['biller', 'coder_biller'], state: ['TX'], sort: 'pay' })?.path).toBe(
      '/jobs/in/texas/medical-biller',
    );
    expect(landingFor({ role: ['coder'], workMode: ['remote'] })).toBeNull();
    expect(
      landingFor({ role: ['coder', 'coder_biller'], workMode: ['remote'], credential: ['CPC'] }),
    ).toBeNull();
  });
});

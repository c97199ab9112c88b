import { DALLAS, FORT_WORTH, listingWith, PLANO, profileWith } from '../testing/fixtures';
import { explainWorkModeLocation } from './explain-work-mode-location';

describe('explainWorkModeLocation', () => {
  it('names the state a remote role is open to', () => {
    const result = explainWorkModeLocation(listingWith({ remoteStates: ['TX'] }), profileWith());
    expect(result.reasons).toEqual([
      {
        code: 'remote_state_allowed',
        text: 'Remote for Texas residents: you live in TX',
        effect: 'positive',
      },
    ]);
    expect(result.part).toBe(1);
  });

  it('lists several allowed states, and the excluded ones', () => {
    expect(
      explainWorkModeLocation(listingWith({ remoteStates: ['TX', 'OK', 'AR'] }), profileWith()).reasons[0]
        .text,
    ).toBe('Remote for residents of TX, OK or AR: you live in TX');
    expect(
      explainWorkModeLocation(listingWith({ remoteExcludedStates: ['CA', 'NY'] }), profileWith()).reasons[0]
        .text,
    ).toBe('Remote, not open to CA or NY residents: you live in TX');
    expect(
      explainWorkModeLocation(listingWith({ remoteStates: ['FL'] }), profileWith()).reasons[0].text,
    ).toBe('Remote only for Florida residents: you live in TX');
  });

  it('says when a remote role is open everywhere', () => {
    expect(explainWorkModeLocation(listingWith(), profileWith()).reasons[0].text).toBe(
      'Remote, open to all US states',
    );
  });

  it('gives the commute distance against the radius', () => {
    const result = explainWorkModeLocation(
      listingWith({ workMode: 'hybrid', locations: [PLANO] }),
      profileWith(),
    );
    expect(result.reasons).toEqual([
      {
        code: 'commute_within',
        text: 'Hybrid in Plano, TX: 18 miles from home, within your 25-mile radius',
        effect: 'positive',
      },
    ]);
  });

  it('mentions the nearest of several locations', () => {
    const result = explainWorkModeLocation(
      listingWith({ workMode: 'onsite', locations: [FORT_WORTH, DALLAS] }),
      profileWith(),
    );
    expect(result.reasons[0].text).toBe(
      'Onsite in Dallas, TX (nearest of 2 locations): under 1 mile from home, within your 25-mile radius',
    );
  });

  it('values remote over hybrid over onsite, and nearer over farther', () => {
    const profile = profileWith({ commuteMiles: 40 });
    const remote = explainWorkModeLocation(listingWith(), profile).part;
    const hybridNear = explainWorkModeLocation(
      listingWith({ workMode: 'hybrid', locations: [DALLAS] }),
      profile,
    ).part;
    const onsiteNear = explainWorkModeLocation(
      listingWith({ workMode: 'onsite', locations: [DALLAS] }),
      profile,
    ).part;
    const onsiteFar = explainWorkModeLocation(
      listingWith({ workMode: 'onsite', locations: [FORT_WORTH] }),
      profile,
    ).part;
    expect(remote).toBeGreaterThan(hybridNear);
    expect(hybridNear).toBeGreaterThan(onsiteNear);
    expect(onsiteNear).toBeGreaterThan(onsiteFar);
    expect(onsiteFar).toBeGreaterThan(0);
  });

  it('flags an unstated work mode for a remote-or-hybrid candidate', () => {
    const result = explainWorkModeLocation(
      listingWith({ workMode: 'unknown', locations: [DALLAS] }),
      profileWith({ workMode: 'remote_or_hybrid' }),
    );
    expect(result.missing).toEqual([]);
    expect(result.reasons.map((r) => r.text)).toEqual([
      'Work mode not stated, based in Dallas, TX: under 1 mile from home, within your 25-mile radius',
      'Work mode not stated: ask whether hybrid is possible',
    ]);
  });
});

describe('explainWorkModeLocation follows the candidate preference', () => {
  it('penalises a nearby onsite role less for a candidate open to any mode', () => {
    const onsite = listingWith({ workMode: 'onsite', locations: [DALLAS] });
    const hybrid = listingWith({ workMode: 'hybrid', locations: [DALLAS] });
    const open = explainWorkModeLocation(onsite, profileWith({ workMode: 'any' })).part;
    const openHybrid = explainWorkModeLocation(hybrid, profileWith({ workMode: 'any' })).part;
    const leaning = explainWorkModeLocation(hybrid, profileWith({ workMode: 'remote_or_hybrid' })).part;
    expect(open).toBeGreaterThan(0.8);
    expect(openHybrid).toBeGreaterThan(leaning);
  });
});

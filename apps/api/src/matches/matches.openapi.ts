import { LISTING_EXAMPLE } from '../listings/listings.openapi';
import { PROFILE_EXAMPLE } from '../candidates/candidates.openapi';

// OpenAPI schemas and examples for the match endpoints.

export const MATCH_REQUEST_EXAMPLE = { profile: PROFILE_EXAMPLE, stretch: false, limit: 20 };

export const MATCHES_RESPONSE_EXAMPLE = {
  items: [
    {
      listing: LISTING_EXAMPLE,
      score: 86,
      eligible: true,
      missing: [],
      parts: {
        credentials: 1,
        specialty: 0.9,
        workModeLocation: 1,
        pay: 1,
        experience: 1,
        recency: 0.82,
      },
      reasons: [
        { code: 'employment_type_wanted', text: 'Full-time, as you want', effect: 'positive' },
        {
          code: 'credential_held',
          text: 'Requires one of CPC, CCS or CCS-P: you hold CPC',
          effect: 'positive',
        },
        { code: 'preferred_held', text: 'Prefers CRC: you hold it', effect: 'positive' },
        { code: 'specialty_match', text: 'Professional fee coding: you have 4 years', effect: 'positive' },
        {
          code: 'remote_state_allowed',
          text: 'Remote for residents of TX, OK and AR: you live in TX',
          effect: 'positive',
        },
        { code: 'pay_above_minimum', text: 'Pays $24-29/hr: meets your $24/hr minimum', effect: 'positive' },
        { code: 'posted_recently', text: 'Posted 4 days ago', effect: 'positive' },
      ],
    },
  ],
  home: { lat: 32.7904, lon: -96.8044 },
  nextCursor: 'eyJvIjoyMH0',
};

export const STRETCH_ITEM_EXAMPLE = {
  score: 58,
  eligible: false,
  missing: [{ code: 'credential_missing', text: 'Requires CCS: you do not hold it' }],
};

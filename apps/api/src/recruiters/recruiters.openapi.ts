// Examples for the recruiters' part of the OpenAPI document.

export const ORG_ID = '6f1f7c52-8d8e-4a53-9a0e-3f1c2b7d9e10';
export const POSTING_ID = '0b7c3a4e-2f55-4f0e-b5a1-7e9d8c6b5a41';

export const ORGANIZATION_EXAMPLE = {
  id: ORG_ID,
  name: 'Mercy Valley Health',
  kind: 'employer',
  website: 'https://www.mercyvalley.example',
  verified: true,
  verifiedBy: 'domain',
  createdAt: '2026-03-01T12:00:00.000Z',
  role: 'owner',
};

export const SESSION_EXAMPLE = {
  sessionToken: 'cjc_3q2-7wEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEX',
  expiresAt: '2026-03-15T12:00:00.000Z',
  email: 'pat@mercyvalley.example',
};

export const API_KEY_EXAMPLE = {
  id: '1d0f3b1e-5c53-4a0b-8a6c-0b8f4d2e7a11',
  name: 'Greenhouse sync',
  label: 'cjk_Zx3q…',
  key: 'cjk_Zx3qEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXA',
  createdAt: '2026-03-01T12:00:00.000Z',
};

export const AUDIT_EXAMPLE = {
  entries: [
    {
      id: '42',
      at: '2026-03-01T12:05:00.000Z',
      actor: 'recruiter:5e0c9c1a-0d7b-4d1e-9f0f-6a1b2c3d4e5f',
      action: 'posting.published',
      subjectType: 'posting',
      subjectId: POSTING_ID,
      diff: { state: { from: 'draft', to: 'published' } },
    },
  ],
  next: null,
};

export const UNAUTHORIZED_EXAMPLE = {
  error: { code: 'UNAUTHORIZED', message: 'missing Authorization: Bearer <session token or API key>' },
};
export const FORBIDDEN_EXAMPLE = { error: { code: 'FORBIDDEN', message: 'no access to this organization' } };
export const RATE_LIMITED_EXAMPLE = {
  error: { code: 'RATE_LIMITED', message: 'too many sign-in links asked for: try again in an hour' },
};

/**
 * Who is looking, as far as the layout needs to know: its navigation differs for a seeker with a
 * saved profile. Recruiters' pages add their own facts here.
 */
export interface Viewer {
  hasProfile: boolean;
}

export const ANONYMOUS: Viewer = { hasProfile: false };

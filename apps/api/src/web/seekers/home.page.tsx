import { ROLE_NAMES, STATE_NAMES, type Role, type UsState } from '#taxonomy';
import type { FacetCount } from '#search';
import { TextField } from '../kit/components/form-fields';
import { Layout } from '../kit/layout';
import type { Viewer } from '../kit/viewer';
import { LANDING_ROLES, remoteLanding, stateLanding } from './landing-pages';
import { searchHref, type SearchParams } from './search-params';
import { formatCount } from '../kit/format';

/** One-click searches for what coders and billers look for most. */
export const QUICK_SEARCHES: { label: string; params: SearchParams }[] = [
  { label: 'Remote CPC jobs', params: { credential: ['CPC'], workMode: ['remote'] } },
  { label: 'Inpatient coders', params: { role: ['coder', 'coder_biller'], specialty: ['inpatient'] } },
  { label: 'Billing and AR', params: { role: ['biller', 'coder_biller', 'ar_denials'] } },
  { label: 'Risk adjustment (HCC)', params: { specialty: ['risk_adjustment'] } },
  { label: 'Profee and E/M coding', params: { specialty: ['profee', 'em'] } },
  { label: 'CDI specialists', params: { role: ['cdi'] } },
];

export interface HomePageProps {
  viewer: Viewer;
  canonical: string;
  total: number;
  byRole: FacetCount[];
  remoteByRole: FacetCount[];
  topStates: UsState[];
}

const n = formatCount;

export function HomePage(props: HomePageProps) {
  const remoteCount = new Map(props.remoteByRole.map((f) => [f.value, f.count]));
  const remoteRoles = LANDING_ROLES.filter((r) => r.roles.some((role) => (remoteCount.get(role) ?? 0) > 0));
  return (
    <Layout
      title="Medical coding and billing jobs"
      description="Medical coding and billing jobs read the way a coder reads them: credentials, specialty, remote rules by state, and pay. Build a profile and see your matches explained."
      canonical={props.canonical}
      section="home"
      viewer={props.viewer}
    >
      <section class="hero" aria-labelledby="home-title">
        <h1 id="home-title">Medical coding and billing jobs</h1>
        <p>
          {n(props.total)} open jobs from employers' own job boards, read for credentials, specialty, remote
          rules by state and pay.
        </p>
        <form method="get" action="/jobs" class="search-box" role="search">
          <TextField
            name="q"
            type="search"
            label="What are you looking for?"
            hint="For example “CPC remote inpatient Texas”"
            maxLength={200}
          />
          <button type="submit">Search jobs</button>
        </form>
      </section>

      <section aria-labelledby="quick-title">
        <h2 id="quick-title">Popular searches</h2>
        <ul class="tiles">
          {QUICK_SEARCHES.map((s) => (
            <li>
              <a href={searchHref(s.params)}>{s.label}</a>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="roles-title">
        <h2 id="roles-title">Open jobs by role</h2>
        <ul class="tiles">
          {props.byRole
            .filter((f) => f.value !== 'other' && f.count > 0)
            .map((f) => (
              <li>
                <a href={searchHref({ role: [f.value] })}>{ROLE_NAMES[f.value as Role] ?? f.value}</a>
                <span class="count"> {n(f.count)} open</span>
              </li>
            ))}
        </ul>
      </section>

      <section class="notice notice--good" aria-labelledby="profile-title">
        <h2 id="profile-title">Let the jobs come to you</h2>
        <p>
          Tell us your credentials, specialties, where you live and how you want to work. We rank the jobs you
          can take and explain each match in plain words, including the ones you are nearly qualified for.
        </p>
        <p>
          <a class="button" href="/profile">
            {props.viewer.hasProfile ? 'See my matches' : 'Build a profile'}
          </a>
        </p>
      </section>

      {remoteRoles.length > 0 && (
        <section aria-labelledby="remote-title">
          <h2 id="remote-title">Remote jobs by role</h2>
          <ul class="link-columns">
            {remoteRoles.map((r) => {
              const page = remoteLanding(r);
              return (
                <li>
                  <a href={page.path}>{page.title}</a>
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {props.topStates.length > 0 && (
        <section aria-labelledby="states-title">
          <h2 id="states-title">Jobs by state</h2>
          <ul class="link-columns">
            {props.topStates.flatMap((state) =>
              LANDING_ROLES.slice(0, 2).map((r) => {
                const page = stateLanding(r, state);
                return (
                  <li>
                    <a href={page.path}>{page.title}</a>
                  </li>
                );
              }),
            )}
          </ul>
          <p class="meta">
            States with the most open jobs: {props.topStates.map((s) => STATE_NAMES[s]).join(', ')}.
          </p>
        </section>
      )}
    </Layout>
  );
}

import type { OrganizationView } from '../../recruiters/recruiter-accounts.service';
import {
  CsrfField,
  ErrorSummary,
  RadioGroup,
  TextField,
  type FieldErrors,
  type SummaryError,
} from '../kit/components/form-fields';
import { Layout } from '../kit/layout';
import { ANONYMOUS } from '../kit/viewer';

export function OrganizationBadge(props: { org: Pick<OrganizationView, 'verified' | 'kind'> }) {
  return (
    <>
      {props.org.kind === 'agency' && <span class="chip">Staffing agency</span>}{' '}
      {props.org.verified ? (
        <span class="chip chip--good">Verified</span>
      ) : (
        <span class="chip">Not verified: postings are reviewed</span>
      )}
    </>
  );
}

/** /recruiters: the recruiter's organizations, and a form to create one. */
export function DashboardPage(props: {
  csrfToken: string;
  email: string;
  organizations: OrganizationView[];
  values: { name: string; kind: string; website: string };
  errors: SummaryError[];
  fieldErrors: FieldErrors;
}) {
  const e = props.fieldErrors;
  return (
    <Layout title="Your organizations" noindex section="recruiters" viewer={ANONYMOUS}>
      <h1>Your organizations</h1>
      <div class="meta-line">
        Signed in as {props.email}.{' '}
        <form method="post" action="/recruiters/sign-out" class="actions">
          <CsrfField token={props.csrfToken} />
          <button class="button button--secondary" type="submit">
            Sign out
          </button>
        </form>
      </div>
      {props.organizations.length === 0 ? (
        <p>You are not in an organization yet. Create one, or accept an invitation from its owner.</p>
      ) : (
        <ul class="results">
          {props.organizations.map((o) => (
            <li class="result">
              <h2>
                <a href={`/recruiters/orgs/${o.id}`}>{o.name}</a>
              </h2>
              <p>
                <OrganizationBadge org={o} /> You are {o.role === 'owner' ? 'an owner' : 'a recruiter'}.
              </p>
            </li>
          ))}
        </ul>
      )}
      <h2>Create an organization</h2>
      <ErrorSummary errors={props.errors} />
      <form method="post" action="/recruiters/orgs">
        <CsrfField token={props.csrfToken} />
        <TextField name="name" label="Name" value={props.values.name} error={e.name} required />
        <RadioGroup
          name="kind"
          label="What are you?"
          value={props.values.kind}
          error={e.kind}
          options={[
            { value: 'employer', label: 'An employer (hospital, practice, billing company)' },
            { value: 'agency', label: 'A staffing agency posting for clients' },
          ]}
        />
        <TextField
          name="website"
          label="Website"
          type="url"
          hint="Members signing in with an address at this domain verify the organization."
          value={props.values.website}
          error={e.website}
        />
        <button class="button" type="submit">
          Create
        </button>
      </form>
    </Layout>
  );
}

import type { OrganizationView } from '../../recruiters/recruiter-accounts.service';
import type { PostingView } from '../../recruiters/recruiter-postings.service';
import { CsrfField, SelectField, TextField } from '../kit/components/form-fields';
import { Layout } from '../kit/layout';
import { ANONYMOUS } from '../kit/viewer';
import { OrganizationBadge } from './dashboard.page';

export const STATE_WORDS: Record<PostingView['state'], string> = {
  draft: 'Draft',
  review: 'Waiting for review',
  published: 'Published',
  rejected: 'Rejected',
  closed: 'Closed',
  expired: 'Expired',
};

type Listed = PostingView & { stats: { views: number; appearances: number; applyClicks: number } };

export interface OrganizationPageProps {
  csrfToken: string;
  org: OrganizationView;
  postings: Listed[];
  members: { id: string; email: string; role: string }[];
  invitations: { id: string; email: string; role: string }[];
  keys: { id: string; name: string; label: string; revokedAt: string | null; lastUsedAt: string | null }[];
  /** A key just created: shown this once. */
  newKey?: string;
  notice?: string;
}

/** /recruiters/orgs/:id: postings with state and stats; for owners, members, invitations and keys. */
export function OrganizationPage(props: OrganizationPageProps) {
  const { org } = props;
  const owner = org.role === 'owner';
  const base = `/recruiters/orgs/${org.id}`;
  return (
    <Layout title={org.name} noindex section="recruiters" viewer={ANONYMOUS}>
      <h1>{org.name}</h1>
      <p>
        <OrganizationBadge org={org} />
      </p>
      {props.notice && (
        <p class="notice notice--good" role="status">
          {props.notice}
        </p>
      )}
      <p class="actions">
        <a class="button" href={`${base}/postings/new`}>
          Post a job
        </a>{' '}
        <a href={`${base}/stats.csv`}>Download stats (CSV)</a>
        {owner && (
          <>
            {' '}
            <a href={`${base}/audit`}>Audit log</a>
          </>
        )}
      </p>
      <h2>Postings</h2>
      {props.postings.length === 0 ? (
        <p>No postings yet.</p>
      ) : (
        <table>
          <caption class="visually-hidden">Postings, their states and their numbers so far</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">State</th>
              <th scope="col">Closes</th>
              <th scope="col">Views</th>
              <th scope="col">In searches</th>
              <th scope="col">Apply clicks</th>
            </tr>
          </thead>
          <tbody>
            {props.postings.map((p) => (
              <tr>
                <td>
                  <a href={`${base}/postings/${p.id}`}>{p.title}</a>
                </td>
                <td>{STATE_WORDS[p.state]}</td>
                <td>{p.validThrough ? p.validThrough.slice(0, 10) : '–'}</td>
                <td>{p.stats.views}</td>
                <td>{p.stats.appearances}</td>
                <td>{p.stats.applyClicks}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Members</h2>
      <ul>
        {props.members.map((m) => (
          <li>
            {m.email} ({m.role})
            {owner && (
              <form method="post" action={`${base}/members/${m.id}/remove`} class="actions">
                <CsrfField token={props.csrfToken} />
                <button class="button button--secondary" type="submit" aria-label={`Remove ${m.email}`}>
                  Remove
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      {owner && (
        <>
          {props.invitations.length > 0 && (
            <>
              <h3>Invited</h3>
              <ul>
                {props.invitations.map((i) => (
                  <li>
                    {i.email} ({i.role})
                  </li>
                ))}
              </ul>
            </>
          )}
          <h3>Invite someone</h3>
          <form method="post" action={`${base}/invitations`}>
            <CsrfField token={props.csrfToken} />
            <TextField name="email" label="Their work e-mail" type="email" required />
            <SelectField
              name="role"
              label="Role"
              value="recruiter"
              options={[
                { value: 'recruiter', label: 'Recruiter: posts and edits jobs' },
                { value: 'owner', label: 'Owner: also manages members and keys' },
              ]}
            />
            <button class="button" type="submit">
              Send the invitation
            </button>
          </form>
          <h2>API keys</h2>
          {props.newKey && (
            <div class="notice notice--good" role="status">
              <p>Your new key, shown this once: keep it in your ATS.</p>
              <p>
                <code>{props.newKey}</code>
              </p>
            </div>
          )}
          <ul>
            {props.keys.map((k) => (
              <li>
                {k.name} <code>{k.label}</code>{' '}
                {k.revokedAt
                  ? '(revoked)'
                  : k.lastUsedAt
                    ? `(last used ${k.lastUsedAt.slice(0, 10)})`
                    : '(not used yet)'}
                {!k.revokedAt && (
                  <form method="post" action={`${base}/api-keys/${k.id}/revoke`} class="actions">
                    <CsrfField token={props.csrfToken} />
                    <button class="button button--danger" type="submit" aria-label={`Revoke ${k.name}`}>
                      Revoke
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
          <form method="post" action={`${base}/api-keys`}>
            <CsrfField token={props.csrfToken} />
            <TextField name="name" label="Key name" hint="Say which system uses it." required />
            <button class="button" type="submit">
              Create a key
            </button>
          </form>
        </>
      )}
    </Layout>
  );
}

/** /recruiters/orgs/:id/audit: the organization's append-only log. */
export function AuditPage(props: {
  org: OrganizationView;
  entries: {
    id: string;
    at: string;
    actor: string;
    action: string;
    subjectType: string;
    diff: Record<string, { from: unknown; to: unknown }>;
  }[];
}) {
  const show = (v: unknown) =>
    v === null || v === undefined ? '–' : typeof v === 'string' ? v : JSON.stringify(v);
  return (
    <Layout title={`Audit log: ${props.org.name}`} noindex section="recruiters" viewer={ANONYMOUS}>
      <h1>Audit log</h1>
      <p>
        <a href={`/recruiters/orgs/${props.org.id}`}>Back to {props.org.name}</a>
      </p>
      <table>
        <caption class="visually-hidden">Changes, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Changed</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((e) => (
            <tr>
              <td>{e.at.replace('T', ' ').slice(0, 16)}</td>
              <td>{e.actor.split(':')[0]}</td>
              <td>{e.action}</td>
              <td>
                <ul>
                  {Object.entries(e.diff)
                    .slice(0, 12)
                    .map(([field, change]) => (
                      <li>
                        {field}: {show(change.from).slice(0, 80)} → {show(change.to).slice(0, 80)}
                      </li>
                    ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

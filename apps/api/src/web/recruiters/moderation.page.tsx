import type { ModerationService } from '../../recruiters/moderation.service';
import { CsrfField, TextField } from '../kit/components/form-fields';
import { Layout } from '../kit/layout';
import { ANONYMOUS } from '../kit/viewer';

type Queue = Awaited<ReturnType<ModerationService['queue']>>;

export function OperatorSignInPage(props: { csrfToken: string; error?: string }) {
  return (
    <Layout title="Moderation" noindex section="recruiters" viewer={ANONYMOUS}>
      <h1>Moderation</h1>
      <form method="post" action="/recruiters/moderation/sign-in">
        <CsrfField token={props.csrfToken} />
        <TextField
          name="token"
          label="Operator token"
          hint="The ADMIN_TOKEN of this deployment."
          error={props.error}
          required
        />
        <button class="button" type="submit">
          Sign in
        </button>
      </form>
    </Layout>
  );
}

/** /recruiters/moderation: postings in review, reports, unverified organizations, banned domains. */
export function ModerationPage(props: { csrfToken: string; queue: Queue; notice?: string }) {
  const q = props.queue;
  const form = (action: string, label: string, extra?: preact.ComponentChildren, danger = false) => (
    <form method="post" action={action}>
      <CsrfField token={props.csrfToken} />
      {extra}
      <button class={danger ? 'button button--danger' : 'button'} type="submit">
        {label}
      </button>
    </form>
  );
  return (
    <Layout title="Moderation" noindex section="recruiters" viewer={ANONYMOUS}>
      <h1>Moderation</h1>
      {props.notice && (
        <p class="notice notice--good" role="status">
          {props.notice}
        </p>
      )}
      <h2>Waiting for review ({q.review.length})</h2>
      <ul class="results">
        {q.review.map((p) => (
          <li class="result">
            <h3>{p.title}</h3>
            <p class="meta">
              {p.posting.employer} · posted by {p.organization?.name} (
              {p.organization?.kind === 'agency' ? 'staffing agency' : 'employer'}
              {p.organization?.website ? `, ${p.organization.website}` : ''})
            </p>
            {p.warnings.length > 0 && (
              <ul>
                {p.warnings.map((w) => (
                  <li>{w.message}</li>
                ))}
              </ul>
            )}
            <p class="description">{p.posting.description.slice(0, 400)}</p>
            <div class="actions">
              {form(`/recruiters/moderation/postings/${p.id}/approve`, `Approve “${p.title}”`)}
              {form(
                `/recruiters/moderation/postings/${p.id}/reject`,
                `Reject “${p.title}”`,
                <TextField
                  name="reason"
                  id={`reason-${p.id}`}
                  label="Reason (the recruiter reads it)"
                  required
                />,
                true,
              )}
            </div>
          </li>
        ))}
      </ul>
      <h2>Reports ({q.reports.length})</h2>
      <ul class="results">
        {q.reports.map((r) => (
          <li class="result">
            <p>
              <a href={`/jobs/${r.listingId}`}>The listing</a>: {r.reason}. {r.details}
            </p>
            {form(
              `/recruiters/moderation/reports/${r.id}/resolve`,
              'Resolve',
              <>
                <TextField name="resolution" id={`resolution-${r.id}`} label="Resolution" required />
                <label class="choice">
                  <input type="checkbox" name="closeListing" value="true" />{' '}
                  <span>Withdraw a recruiter’s posting</span>
                </label>
              </>,
            )}
          </li>
        ))}
      </ul>
      <h2>Unverified organizations ({q.unverifiedOrganizations.length})</h2>
      <ul>
        {q.unverifiedOrganizations.map((o) => (
          <li>
            {o.name} ({o.kind}, {o.website ?? 'no website'})
            {form(`/recruiters/moderation/organizations/${o.id}/verify`, `Verify ${o.name}`)}
          </li>
        ))}
      </ul>
      <h2>Ban a domain</h2>
      {form(
        '/recruiters/moderation/domains',
        'Ban the domain',
        <>
          <TextField
            name="domain"
            label="Domain"
            hint="example.com: its addresses cannot sign in; its organizations' postings close."
            required
          />
          <TextField name="reason" id="ban-reason" label="Reason" required />
        </>,
        true,
      )}
      {q.bannedDomains.length > 0 && (
        <ul>
          {q.bannedDomains.map((d) => (
            <li>
              {d.domain}: {d.reason}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

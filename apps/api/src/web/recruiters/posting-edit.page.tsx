import {
  EMPLOYMENT_TYPE_NAMES,
  ROLE_NAMES,
  ROLES,
  SALARY_PERIODS,
  SPECIALTIES,
  SPECIALTY_NAMES,
  WORK_MODE_NAMES,
} from '#taxonomy';
import { POSTING_EMPLOYMENT_TYPES, POSTING_WORK_MODES, type PostingWarning } from '#recruiting';
import type { OrganizationView } from '../../recruiters/recruiter-accounts.service';
import type { PostingView } from '../../recruiters/recruiter-postings.service';
import {
  Checkbox,
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
  fieldId,
  type FieldErrors,
  type SummaryError,
} from '../kit/components/form-fields';
import { Layout } from '../kit/layout';
import { ANONYMOUS } from '../kit/viewer';
import { OrganizationBadge } from './dashboard.page';
import { STATE_WORDS } from './organization.page';
import type { PostingFormValues } from './posting-form-fields';

export interface PostingPreview {
  title: string;
  employer: string | null;
  summary: string[];
  descriptionText: string;
  read: string[];
  warnings: PostingWarning[];
}

export interface PostingEditPageProps {
  csrfToken: string;
  org: OrganizationView;
  posting: PostingView | null;
  values: PostingFormValues;
  preview: PostingPreview | null;
  errors: SummaryError[];
  fieldErrors: FieldErrors;
  notice?: string;
}

const PERIOD_WORDS: Record<string, string> = {
  hour: 'an hour',
  day: 'a day',
  week: 'a week',
  month: 'a month',
  year: 'a year',
  chart: 'a chart',
};

function Preview(props: { preview: PostingPreview }) {
  const p = props.preview;
  return (
    <section aria-labelledby="preview-title" class="result">
      <h2 id="preview-title">Preview: what seekers will see</h2>
      {p.warnings.length > 0 && (
        <div class="error-summary" role="status">
          <h3>Check these before publishing</h3>
          <ul>
            {p.warnings.map((w) => (
              <li>{w.message}</li>
            ))}
          </ul>
        </div>
      )}
      <h3>{p.title}</h3>
      <p class="meta">{p.employer}</p>
      <ul class="facts">
        {p.summary.map((s) => (
          <li>{s}</li>
        ))}
      </ul>
      <p class="description">{p.descriptionText.slice(0, 600)}</p>
      <h3>What CoderJobs read from the description</h3>
      <ul>
        {p.read.map((r) => (
          <li>{r}</li>
        ))}
      </ul>
    </section>
  );
}

/** The posting form with its preview; for a saved posting, its state and actions. */
export function PostingEditPage(props: PostingEditPageProps) {
  const { values: v, fieldErrors: e, org, posting } = props;
  const base = `/recruiters/orgs/${org.id}/postings`;
  const action = posting ? `${base}/${posting.id}` : base;
  const editable = !posting || ['draft', 'review', 'published', 'rejected'].includes(posting.state);
  return (
    <Layout
      title={posting ? `Posting: ${posting.title}` : 'Post a job'}
      noindex
      section="recruiters"
      viewer={ANONYMOUS}
    >
      <h1>{posting ? posting.title : 'Post a job'}</h1>
      <p>
        <a href={`/recruiters/orgs/${org.id}`}>Back to {org.name}</a> <OrganizationBadge org={org} />
      </p>
      {props.notice && (
        <p class="notice notice--good" role="status">
          {props.notice}
        </p>
      )}
      {posting && (
        <section aria-labelledby="state-title">
          <h2 id="state-title">State: {STATE_WORDS[posting.state]}</h2>
          {posting.rejectReason && posting.state === 'rejected' && (
            <p>Rejected by a moderator: {posting.rejectReason}</p>
          )}
          {posting.validThrough && posting.state === 'published' && (
            <p>
              Open until {posting.validThrough.slice(0, 10)}; renew from {posting.renewableFrom?.slice(0, 10)}
              . <a href={posting.listingPath ?? '#'}>See it as seekers do</a>
            </p>
          )}
          <div class="actions">
            {(posting.state === 'draft' || posting.state === 'rejected') && (
              <ActionButton
                csrf={props.csrfToken}
                action={`${action}/submit`}
                label={org.verified ? 'Publish' : 'Send for review'}
              />
            )}
            {posting.state === 'published' && (
              <ActionButton csrf={props.csrfToken} action={`${action}/renew`} label="Renew for 30 days" />
            )}
            {(posting.state === 'published' || posting.state === 'review') && (
              <>
                <ActionButton
                  csrf={props.csrfToken}
                  action={`${action}/close`}
                  label="Close: filled"
                  field={['reason', 'filled']}
                />
                <ActionButton
                  csrf={props.csrfToken}
                  action={`${action}/close`}
                  label="Close: withdrawn"
                  field={['reason', 'withdrawn']}
                  secondary
                />
              </>
            )}
            {(posting.state === 'closed' || posting.state === 'expired') && (
              <ActionButton
                csrf={props.csrfToken}
                action={`${action}/repost`}
                label="Repost as a new posting"
              />
            )}
          </div>
        </section>
      )}
      {props.preview && <Preview preview={props.preview} />}
      {editable && (
        <form method="post" action={action} noValidate>
          <h2>{posting ? 'Edit' : 'The job'}</h2>
          {posting && posting.state === 'published' && !org.verified && (
            <p>Saving changes sends the posting back to review; it leaves search until it is approved.</p>
          )}
          <ErrorSummary errors={props.errors} />
          <CsrfField token={props.csrfToken} />
          {posting && <input type="hidden" name="version" value={String(posting.version)} />}
          <TextField
            name="title"
            label="Job title"
            value={v.title}
            error={e.title}
            required
            maxLength={200}
          />
          <TextField
            name="employer"
            label="Employer"
            hint="Agencies: the client, or “Confidential”."
            value={v.employer}
            error={e.employer}
            required
          />
          <SelectField
            name="role"
            label="Role"
            value={v.role}
            error={e.role}
            options={ROLES.map((r) => ({ value: r, label: ROLE_NAMES[r] }))}
          />
          <fieldset class="field">
            <legend>Credentials</legend>
            <TextField
              name="required"
              label="Required (all of them)"
              hint="Codes separated by commas: CPC, CRC"
              value={v.required}
              error={e.required}
            />
            <TextField
              name="anyOf"
              label="Any one of"
              hint="Groups separated by semicolons: CPC or CCS; RHIT or RHIA"
              value={v.anyOf}
              error={e.anyOf}
            />
            <TextField name="preferred" label="Preferred" value={v.preferred} error={e.preferred} />
            <TextField
              name="withinDays"
              label="Required within this many days of hire"
              type="number"
              inputMode="numeric"
              value={v.withinDays}
              error={e.withinDays}
            />
            <Checkbox
              name="apprenticeWelcome"
              label="Apprentices welcome (CPC-A, CCA)"
              checked={v.apprenticeWelcome}
            />
          </fieldset>
          <CheckboxGroup
            name="specialties"
            label="Specialties"
            compact
            checked={v.specialties}
            error={e.specialties}
            options={SPECIALTIES.map((s) => ({ value: s, label: SPECIALTY_NAMES[s] }))}
          />
          <RadioGroup
            name="workMode"
            label="Where the work is done"
            value={v.workMode}
            error={e.workMode}
            options={POSTING_WORK_MODES.map((m) => ({ value: m, label: WORK_MODE_NAMES[m] }))}
          />
          <TextArea
            name="locations"
            label="Locations"
            hint="One a line: Dallas, TX 75201"
            value={v.locations}
            error={e.locations}
            rows={3}
          />
          <RadioGroup
            name="remoteMode"
            label="Remote: who may apply"
            value={v.remoteMode}
            error={e.remoteMode}
            options={[
              { value: 'allowed', label: 'Residents of these states only' },
              { value: 'excluded', label: 'Every state but these' },
              { value: 'any', label: 'Every state' },
            ]}
          />
          <TextField
            name="remoteStates"
            label="States"
            hint="Two-letter codes: TX, OK, AR"
            value={v.remoteStates}
            error={e.remoteStates}
          />
          <fieldset class="field">
            <legend>Pay</legend>
            <TextField
              name="payMin"
              label="From"
              type="number"
              inputMode="decimal"
              step="any"
              value={v.payMin}
              error={e.payMin}
            />
            <TextField
              name="payMax"
              label="To"
              type="number"
              inputMode="decimal"
              step="any"
              value={v.payMax}
              error={e.payMax}
            />
            <SelectField
              name="payPeriod"
              label="Per"
              value={v.payPeriod}
              options={SALARY_PERIODS.map((p) => ({ value: p, label: PERIOD_WORDS[p] }))}
            />
          </fieldset>
          <SelectField
            name="employmentType"
            label="Employment type"
            value={v.employmentType}
            error={e.employmentType}
            options={POSTING_EMPLOYMENT_TYPES.map((t) => ({ value: t, label: EMPLOYMENT_TYPE_NAMES[t] }))}
          />
          <TextField
            name="minYearsExperience"
            label="Years of experience required"
            type="number"
            inputMode="decimal"
            value={v.minYearsExperience}
            error={e.minYearsExperience}
          />
          <TextArea
            name="description"
            label="Description"
            hint="Plain text or Markdown."
            value={v.description}
            error={e.description}
            rows={12}
          />
          <TextField
            name="applyUrl"
            label="Apply at (address)"
            type="url"
            value={v.applyUrl}
            error={e.applyUrl}
          />
          <TextField
            name="applyEmail"
            label="Or apply by e-mail"
            type="email"
            value={v.applyEmail}
            error={e.applyEmail}
          />
          <TextField
            name="validThrough"
            label="Closes on (optional)"
            hint="YYYY-MM-DD, within 90 days; 30 days after publishing if empty."
            value={v.validThrough}
            error={e.validThrough}
          />
          <div class="actions">
            <button class="button button--secondary" type="submit" name="intent" value="preview">
              Preview
            </button>
            <button class="button" type="submit" name="intent" value="save">
              {posting ? 'Save changes' : 'Save as a draft'}
            </button>
            {!posting && (
              <button class="button" type="submit" name="intent" value="submit">
                {org.verified ? 'Publish' : 'Send for review'}
              </button>
            )}
          </div>
        </form>
      )}
      <p class="visually-hidden">
        <a href={`#${fieldId('title')}`}>Back to the form</a>
      </p>
    </Layout>
  );
}

function ActionButton(props: {
  csrf: string;
  action: string;
  label: string;
  field?: [string, string];
  secondary?: boolean;
}) {
  return (
    <form method="post" action={props.action}>
      <CsrfField token={props.csrf} />
      {props.field && <input type="hidden" name={props.field[0]} value={props.field[1]} />}
      <button class={props.secondary ? 'button button--secondary' : 'button'} type="submit">
        {props.label}
      </button>
    </form>
  );
}

import {
  CREDENTIAL_INFO,
  CREDENTIALS,
  EMPLOYMENT_TYPE_NAMES,
  EMPLOYMENT_TYPES,
  ROLE_NAMES,
  ROLES,
  SPECIALTIES,
  SPECIALTY_NAMES,
} from '#taxonomy';
import {
  Checkbox,
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  RadioGroup,
  SelectField,
  TextArea,
  stateOptions,
  TextField,
  fieldId,
  type FieldErrors,
  type SummaryError,
} from '../kit/components/form-fields';
import { Layout } from '../kit/layout';
import type { Viewer } from '../kit/viewer';
import { yearsField, type ProfileFormValues } from './profile-form';

export interface ProfilePageProps {
  viewer: Viewer;
  csrfToken: string;
  values: ProfileFormValues;
  saved: boolean;
  errors: SummaryError[];
  fieldErrors: FieldErrors;
  notice?: string;
}

const WORK_MODES = [
  { value: 'remote_only', label: 'Remote only' },
  { value: 'remote_or_hybrid', label: 'Remote or hybrid' },
  { value: 'any', label: 'Remote, hybrid or on site' },
];

/** /profile: build or change the profile matches are ranked for; delete it. */
export function ProfilePage(props: ProfilePageProps) {
  const { values: v, fieldErrors: e } = props;
  return (
    <Layout
      title={props.saved ? 'Your profile' : 'Build your profile'}
      description="Tell CoderJobs your credentials, specialties and where you can work, and see the jobs you can take, ranked and explained."
      noindex
      section="profile"
      viewer={props.viewer}
    >
      <h1>{props.saved ? 'Your profile' : 'Build your profile'}</h1>
      {props.notice && (
        <p class="notice notice--good" role="status">
          {props.notice}
        </p>
      )}
      <p>
        We use it to rank the open jobs you can take and explain each match. It is kept with a private key in
        this browser only (a cookie); there is no account and no e-mail address.
      </p>
      <ErrorSummary errors={props.errors} />
      <form method="post" action="/profile" class="profile-form" novalidate>
        <CsrfField token={props.csrfToken} />
        <CheckboxGroup
          name="credentials"
          label="Credentials you hold"
          hint="Leave all unticked if you have none yet."
          compact
          options={CREDENTIALS.map((c) => ({
            value: c,
            label: (
              <>
                {c} <span class="visually-hidden">({CREDENTIAL_INFO[c].name})</span>
              </>
            ),
          }))}
          checked={v.credentials}
          error={e.credentials}
        />
        <TextField
          name="yearsExperience"
          label="Years of coding or billing experience"
          type="number"
          inputMode="decimal"
          min={0}
          max={60}
          step="any"
          width="short"
          required
          value={v.yearsExperience}
          error={e.yearsExperience}
        />
        <fieldset class="field">
          <legend>Years in each specialty or setting</legend>
          <p class="field-hint">Leave blank the ones you have not worked in.</p>
          <div class="specialty-years">
            {SPECIALTIES.map((s) => (
              <TextField
                name={yearsField(s)}
                label={SPECIALTY_NAMES[s]}
                type="number"
                inputMode="decimal"
                min={0}
                max={60}
                step="any"
                value={v.years[s]}
                error={e[yearsField(s)]}
              />
            ))}
          </div>
        </fieldset>
        <CheckboxGroup
          name="roles"
          label="Roles you want"
          hint="None ticked means any role."
          compact
          options={ROLES.filter((r) => r !== 'other').map((r) => ({ value: r, label: ROLE_NAMES[r] }))}
          checked={v.roles}
          error={e.roles}
        />
        <RadioGroup
          name="workMode"
          label="How you want to work"
          options={WORK_MODES}
          value={v.workMode}
          error={e.workMode}
        />
        <SelectField
          name="stateOfResidence"
          label="State you live in"
          hint="Many remote jobs are open only to residents of some states."
          value={v.stateOfResidence}
          options={stateOptions('Choose a state')}
          error={e.stateOfResidence}
        />
        <TextField
          name="home"
          label="Home ZIP code or City, ST"
          hint="Needed for hybrid and on-site jobs: we measure the commute from here."
          autoComplete="postal-code"
          width="medium"
          maxLength={100}
          value={v.home}
          error={e.home}
        />
        <TextField
          name="commuteMiles"
          label="Longest commute, in miles"
          type="number"
          inputMode="numeric"
          min={1}
          max={250}
          width="short"
          value={v.commuteMiles}
          error={e.commuteMiles}
        />
        <Checkbox
          name="openToRelocation"
          label="Open to relocation: show hybrid and on-site jobs anywhere"
          hint="Including jobs whose place we could not read."
          checked={v.openToRelocation}
          error={e.openToRelocation}
        />
        <fieldset
          class="field"
          aria-describedby={e.minPayAmount ? `${fieldId('minPayAmount')}-error` : undefined}
        >
          <legend>Lowest pay you would take</legend>
          <p class="field-hint">Optional. Jobs that clearly pay less are left out.</p>
          <TextField
            name="minPayAmount"
            label="Amount in dollars"
            type="number"
            inputMode="decimal"
            min={1}
            step="any"
            width="short"
            value={v.minPayAmount}
            error={e.minPayAmount}
          />
          <RadioGroup
            name="minPayPeriod"
            label="Per"
            compact
            options={[
              { value: 'hour', label: 'Hour' },
              { value: 'year', label: 'Year' },
            ]}
            value={v.minPayPeriod}
            error={e.minPayPeriod}
          />
        </fieldset>
        <CheckboxGroup
          name="employmentTypes"
          label="Employment types you want"
          hint="None ticked means any."
          compact
          options={EMPLOYMENT_TYPES.filter((t) => t !== 'unknown').map((t) => ({
            value: t,
            label: EMPLOYMENT_TYPE_NAMES[t],
          }))}
          checked={v.employmentTypes}
          error={e.employmentTypes}
        />
        <TextArea
          name="excludeEmployers"
          label="Employers to leave out"
          hint="One a line. Optional."
          rows={3}
          maxLength={20000}
          value={v.excludeEmployers}
          error={e.excludeEmployers}
        />
        <div class="actions">
          <button type="submit">Save and see my matches</button>
        </div>
      </form>
      {props.saved && (
        <section aria-labelledby="delete-title">
          <h2 id="delete-title">Delete your profile</h2>
          <p>This removes your profile from CoderJobs for good, and the cookie from this browser.</p>
          <p>
            <a class="button button--secondary" href="/profile/delete">
              Delete my profile
            </a>
          </p>
        </section>
      )}
    </Layout>
  );
}

/** /profile/delete: asks once, on a page of its own, before the profile goes. */
export function DeleteProfilePage(props: { viewer: Viewer; csrfToken: string }) {
  return (
    <Layout title="Delete your profile" noindex section="profile" viewer={props.viewer}>
      <h1>Delete your profile?</h1>
      <p>Your credentials, specialties, home and pay wishes are deleted for good. Matches stop.</p>
      <form method="post" action="/profile/delete" class="actions">
        <CsrfField token={props.csrfToken} />
        <button type="submit" class="button--danger">
          Yes, delete my profile
        </button>
        <a href="/profile">No, keep it</a>
      </form>
    </Layout>
  );
}

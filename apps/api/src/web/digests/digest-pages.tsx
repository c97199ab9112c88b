import {
  CsrfField,
  ErrorSummary,
  RadioGroup,
  SelectField,
  TextField,
  type FieldErrors,
  type SummaryError,
} from '../kit/components/form-fields';
import { Layout } from '../kit/layout';
import type { Viewer } from '../kit/viewer';
import type { SubscriptionView } from '../../digests/digests.service';

export interface ScheduleValues {
  frequency: string;
  sendHour: string;
  sendWeekday: string;
  timeZone: string;
}

/** The zones offered (US first; the API takes any IANA name). */
export const TIME_ZONES = [
  ['America/New_York', 'Eastern'],
  ['America/Chicago', 'Central'],
  ['America/Denver', 'Mountain'],
  ['America/Phoenix', 'Arizona'],
  ['America/Los_Angeles', 'Pacific'],
  ['America/Anchorage', 'Alaska'],
  ['Pacific/Honolulu', 'Hawaii'],
  ['America/Puerto_Rico', 'Atlantic (Puerto Rico)'],
  ['UTC', 'UTC'],
] as const;

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const hourLabel = (h: number) =>
  h === 0 ? 'midnight' : h === 12 ? 'noon' : h < 12 ? `${h} am` : `${h - 12} pm`;

function ScheduleFields(props: { values: ScheduleValues; errors: FieldErrors; idPrefix?: string }) {
  const { values: v, errors: e } = props;
  const zones = TIME_ZONES.some(([z]) => z === v.timeZone)
    ? TIME_ZONES
    : [[v.timeZone, v.timeZone] as const, ...TIME_ZONES];
  return (
    <>
      <RadioGroup
        name="frequency"
        id={props.idPrefix ? `${props.idPrefix}-frequency` : undefined}
        label="How often"
        compact
        options={[
          { value: 'daily', label: 'Daily' },
          { value: 'weekly', label: 'Weekly' },
        ]}
        value={v.frequency}
        error={e.frequency}
      />
      <SelectField
        name="sendWeekday"
        id={props.idPrefix ? `${props.idPrefix}-weekday` : undefined}
        label="Day (weekly digests)"
        value={v.sendWeekday}
        options={WEEKDAYS.map((d, i) => ({ value: String(i), label: d }))}
        error={e.sendWeekday}
      />
      <SelectField
        name="sendHour"
        id={props.idPrefix ? `${props.idPrefix}-hour` : undefined}
        label="Time"
        value={v.sendHour}
        options={Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: hourLabel(h) }))}
        error={e.sendHour}
      />
      <SelectField
        name="timeZone"
        id={props.idPrefix ? `${props.idPrefix}-zone` : undefined}
        label="Time zone"
        value={v.timeZone}
        options={zones.map(([value, label]) => ({ value, label }))}
        error={e.timeZone}
      />
    </>
  );
}

export interface SubscribePageProps {
  viewer: Viewer;
  csrfToken: string;
  /** What the digest will hold, in words. */
  what: string;
  /** The /jobs query string (search digest), or '' with `profile`. */
  search: string;
  profile: boolean;
  email: string;
  schedule: ScheduleValues;
  errors: SummaryError[];
  fieldErrors: FieldErrors;
}

/** /digests/new: "e-mail me new jobs like these". */
export function SubscribePage(props: SubscribePageProps) {
  return (
    <Layout title="E-mail me new jobs" noindex viewer={props.viewer}>
      <h1>E-mail me new jobs</h1>
      <p>
        A digest of <strong>{props.what}</strong>: only jobs that are new since the last one, never a closed
        one, and no mail at all when there is nothing new.
      </p>
      <ErrorSummary errors={props.errors} />
      <form method="post" action="/digests/new" novalidate>
        <CsrfField token={props.csrfToken} />
        {props.profile ? (
          <input type="hidden" name="profile" value="1" />
        ) : (
          <input type="hidden" name="search" value={props.search} />
        )}
        <TextField
          name="email"
          label="Your e-mail address"
          hint="We send a link to confirm it first. Every digest has a one-click unsubscribe link."
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          value={props.email}
          error={props.fieldErrors.email}
        />
        <ScheduleFields values={props.schedule} errors={props.fieldErrors} />
        <button type="submit" class="button">
          Send me this digest
        </button>
      </form>
    </Layout>
  );
}

/** A page of one message and maybe one form with one button. */
export function NoticePage(props: {
  viewer: Viewer;
  title: string;
  lines: string[];
  form?: { action: string; button: string; csrfToken?: string };
  link?: { href: string; label: string };
}) {
  return (
    <Layout title={props.title} noindex viewer={props.viewer}>
      <h1>{props.title}</h1>
      {props.lines.map((line) => (
        <p>{line}</p>
      ))}
      {props.form && (
        <form method="post" action={props.form.action}>
          {props.form.csrfToken && <CsrfField token={props.form.csrfToken} />}
          <button type="submit" class="button">
            {props.form.button}
          </button>
        </form>
      )}
      {props.link && (
        <p>
          <a href={props.link.href}>{props.link.label}</a>
        </p>
      )}
    </Layout>
  );
}

export interface ManagePageProps {
  viewer: Viewer;
  csrfToken: string;
  token: string;
  email: string;
  subscriptions: SubscriptionView[];
  notice?: string;
  errors: SummaryError[];
}

/** /digests/manage/:token: every digest of the address, each with its schedule and a stop button. */
export function ManagePage(props: ManagePageProps) {
  const base = `/digests/manage/${encodeURIComponent(props.token)}`;
  return (
    <Layout title="Your job digests" noindex viewer={props.viewer}>
      <h1>Your job digests</h1>
      {props.notice && (
        <p class="notice notice--good" role="status">
          {props.notice}
        </p>
      )}
      <ErrorSummary errors={props.errors} />
      <p>Digests sent to {props.email}.</p>
      {props.subscriptions.length === 0 && <p>There are no digests for this address any more.</p>}
      {props.subscriptions.map((s, i) => (
        <section class="notice" aria-labelledby={`digest-${i}`}>
          <h2 id={`digest-${i}`}>{s.description}</h2>
          {s.status === 'pending' && <p>Waiting for you to confirm it with the link we e-mailed.</p>}
          {s.kind === 'search' && (
            <p>
              <a href={`/jobs${s.searchQuery ? `?${s.searchQuery}` : ''}`}>See this search now</a>
            </p>
          )}
          <form method="post" action={`${base}/${s.id}`}>
            <CsrfField token={props.csrfToken} />
            <ScheduleFields
              idPrefix={`d${i}`}
              values={{
                frequency: s.frequency,
                sendHour: String(s.sendHour),
                sendWeekday: String(s.sendWeekday),
                timeZone: s.timeZone,
              }}
              errors={{}}
            />
            <button type="submit" class="button">
              Save changes
            </button>
          </form>
          <form method="post" action={`${base}/${s.id}/delete`}>
            <CsrfField token={props.csrfToken} />
            <button type="submit">Stop this digest</button>
          </form>
        </section>
      ))}
    </Layout>
  );
}

import type { NormalizedListing } from '#normalizer';
import { US_STATES, type Credential } from '#taxonomy';
import { lawsInForce } from './pay-transparency';
import type { PostingForm } from './posting-form';

export type WarningCode =
  | 'CREDENTIAL_NOT_IN_FIELDS'
  | 'CREDENTIAL_NOT_IN_DESCRIPTION'
  | 'APPRENTICE_NOT_IN_FIELDS'
  | 'WORK_MODE_DISAGREES'
  | 'REMOTE_WITHOUT_STATES'
  | 'REMOTE_STATES_DISAGREE'
  | 'PAY_MISSING_WHERE_REQUIRED'
  | 'PAY_DISAGREES'
  | 'ROLE_DISAGREES'
  | 'EXPERIENCE_DISAGREES';

/** Something a recruiter should look at before publishing: the form and the description disagree. */
export interface PostingWarning {
  code: WarningCode;
  /** The form field concerned. */
  field: string;
  message: string;
}

const list = (xs: Iterable<string>) => [...xs].join(', ');

/** The states whose residents a posting is open to. */
export function statesOpenTo(form: PostingForm): Set<string> {
  const out = new Set<string>(form.locations.map((l) => l.state));
  if (form.workMode === 'onsite') return out;
  const { mode, states } = form.remoteStates;
  if (mode === 'allowed') for (const s of states) out.add(s);
  else {
    const excluded = new Set<string>(mode === 'excluded' ? states : []);
    for (const s of US_STATES) if (!excluded.has(s)) out.add(s);
  }
  return out;
}

function credentialWarnings(form: PostingForm, read: NormalizedListing): PostingWarning[] {
  const out: PostingWarning[] = [];
  const c = form.credentials;
  const inFields = new Set<Credential>([...c.required, ...c.anyOf.flat(), ...c.preferred]);
  const readRequired = [...read.certifications.required, ...read.certifications.anyOf.flat()];
  const missing = readRequired.filter((x) => !inFields.has(x));
  if (missing.length > 0)
    out.push({
      code: 'CREDENTIAL_NOT_IN_FIELDS',
      field: 'credentials.required',
      message:
        c.required.length + c.anyOf.length === 0
          ? `The description says ${list(missing)} required; the credentials field is empty.`
          : `The description says ${list(missing)} required; the credentials fields do not name it.`,
    });
  const mentioned = new Set<Credential>([...readRequired, ...read.certifications.preferred]);
  const unmentioned = c.required.filter((x) => !mentioned.has(x));
  if (unmentioned.length > 0 && read.descriptionText.length > 0)
    out.push({
      code: 'CREDENTIAL_NOT_IN_DESCRIPTION',
      field: 'credentials.required',
      message: `The credentials field requires ${list(unmentioned)}; the description does not mention it.`,
    });
  if (read.certifications.apprenticeAccepted && !c.apprenticeWelcome)
    out.push({
      code: 'APPRENTICE_NOT_IN_FIELDS',
      field: 'credentials.apprenticeWelcome',
      message: 'The description welcomes apprentices (CPC-A, CCA); "apprentice welcome" is not ticked.',
    });
  return out;
}

function remoteWarnings(form: PostingForm, read: NormalizedListing): PostingWarning[] {
  const out: PostingWarning[] = [];
  const readMode = read.workMode;
  if (readMode !== 'unknown' && readMode !== form.workMode)
    out.push({
      code: 'WORK_MODE_DISAGREES',
      field: 'workMode',
      message: `The description reads as ${readMode}; the work mode field says ${form.workMode}.`,
    });
  if (form.workMode === 'onsite') return out;
  const readStates = read.remoteStates ?? [];
  if (form.remoteStates.mode === 'any')
    out.push(
      readStates.length > 0
        ? {
            code: 'REMOTE_STATES_DISAGREE',
            field: 'remoteStates',
            message: `The description limits remote work to ${list(readStates)}; the form opens it to every state.`,
          }
        : {
            code: 'REMOTE_WITHOUT_STATES',
            field: 'remoteStates',
            message:
              'Remote with no states named: seekers in every state will see it. Most employers can only hire in some states; name them.',
          },
    );
  else if (form.remoteStates.mode === 'allowed' && readStates.length > 0) {
    const given = new Set<string>(form.remoteStates.states);
    const extra = readStates.filter((s) => !given.has(s));
    if (extra.length > 0)
      out.push({
        code: 'REMOTE_STATES_DISAGREE',
        field: 'remoteStates.states',
        message: `The description names ${list(extra)} for remote work; the states field does not.`,
      });
  }
  return out;
}

function payWarnings(form: PostingForm, read: NormalizedListing, now: Date): PostingWarning[] {
  const out: PostingWarning[] = [];
  if (!form.pay) {
    const laws = lawsInForce(statesOpenTo(form), now);
    if (laws.length > 0)
      out.push({
        code: 'PAY_MISSING_WHERE_REQUIRED',
        field: 'pay',
        message: `No pay range, but the role is open to residents of ${list(laws.map((l) => l.state))}, where the law requires one in the posting.`,
      });
    return out;
  }
  const readPay = read.salary;
  if (readPay && readPay.period === form.pay.period) {
    const differs = (a: number | null | undefined, b: number | null) =>
      a != null && b != null && Math.abs(a - b) / Math.max(a, b) > 0.02;
    if (differs(form.pay.min, readPay.min) || differs(form.pay.max, readPay.max))
      out.push({
        code: 'PAY_DISAGREES',
        field: 'pay',
        message: `The description gives pay of ${readPay.min ?? '?'}-${readPay.max ?? '?'} per ${readPay.period}; the pay field says ${form.pay.min ?? '?'}-${form.pay.max ?? '?'}.`,
      });
  }
  return out;
}

/** Where the structured fields and the description disagree, or the law wants more. */
export function postingWarnings(form: PostingForm, read: NormalizedListing, now: Date): PostingWarning[] {
  const out = [
    ...credentialWarnings(form, read),
    ...remoteWarnings(form, read),
    ...payWarnings(form, read, now),
  ];
  if (read.confidence?.role?.level === 'high' && read.role !== form.role && read.role !== 'other')
    out.push({
      code: 'ROLE_DISAGREES',
      field: 'role',
      message: `The description reads as a ${read.role.replace('_', ' ')} role; the role field says ${form.role.replace('_', ' ')}.`,
    });
  if (
    read.minYearsExperience != null &&
    form.minYearsExperience != null &&
    read.minYearsExperience !== form.minYearsExperience
  )
    out.push({
      code: 'EXPERIENCE_DISAGREES',
      field: 'minYearsExperience',
      message: `The description asks for ${read.minYearsExperience} years; the experience field says ${form.minYearsExperience}.`,
    });
  return out;
}

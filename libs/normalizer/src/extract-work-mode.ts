// Reads whether the job is remote, hybrid or onsite. What the source structured (workplace type,
// JSON-LD TELECOMMUTE) is a strong hint; the text decides the rest. Remote after onsite training, or
// with occasional onsite meetings, is still remote; a schedule split between home and office is
// hybrid; "not a remote position" is onsite. A posting that never says stays "unknown".
import type { WorkMode } from '#taxonomy';
import type { Evidence } from './normalized-listing';
import type { RawPosting } from '#sources';
import { NON_JOB_SECTIONS, type PostingLine } from './posting-lines';
import { snippet } from './evidence';

const HYBRID = /\bhybrid\b|\bsplit between (?:home|remote) and (?:the )?office\b/i;
const DAYS_SPLIT =
  /\b(?:\d|one|two|three|four)\s+(?:days?|office days)\s+(?:a|per|each)?\s*week\b|\b(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?)\b.{0,40}\b(?:in|at) (?:the|our)\b.{0,30}\boffice\b|\b\d+\s*(?:days?|office days)\b|\(\s*(?:\d|one|two|three)\s+(?:office\s+)?days?\s*\)/i;
const REMOTE =
  /\b(?:remote(?:ly)?|work(?:ing)?[- ]from[- ]home|wfh|telecommut\w*|telework\w*|home[- ]based|virtual position|anywhere in the (?:us|u\.s\.|united states))\b/i;
const NOT_REMOTE =
  /\b(?:not|no|non)[- ](?:a\s+)?(?:remote|telework|telecommut)\w*|\b(?:remote|telework|telecommut\w*|work from home)(?:\s+work)?\s+(?:is\s+|are\s+)?not\s+(?:available|an option|possible|offered|eligible)|\bnot eligible for (?:telework|remote)|\bno (?:remote|telework)\b/i;
// "On site, Monday to Friday" is written with a space as often as with a hyphen.
const ONSITE =
  /\b(?:on[- ]?site|in[- ]office|in[- ]person|on[- ]premises?|in the office|on campus|(?:at|in|on) (?:our|the) (?:[A-Z][\w&.-]*,?\s+){0,4}(?:office|support center|business office|billing office|facility|hospital|clinic|medical center|campus)|work (?:from|at|in) (?:our|the) (?:[A-Z][\w&.-]*\s+){0,3}(?:office|campus|facility|hospital|clinic)|must (?:work|report|be) (?:at|in|on|from) (?:our|the) (?:[\w&-]+\s+){0,3}(?:office|campus|facility|hospital|clinic|location|site)|report to (?:the|our) office)\b/i;
// Onsite words that do not make a remote job onsite: training, orientation, occasional meetings.
const ONSITE_EXCEPTION =
  /\b(?:training|orientation|onboarding|first\s+\d+\s+(?:days|weeks|months)|occasional(?:ly)?|as needed|periodic(?:ally)?|meetings?|events?|then remote|after\s+(?:a\s+)?\d+)\b/i;
// "work from home 3 days per week": part of the week at home is hybrid.
// "two days remote": a number of days at home or in the office is part of the week.
const PART_WEEK =
  /\b(?:[1-4]|one|two|three|four)\s+days?\s+(?:(?:a|per|each)\s+week|remote(?:ly)?|(?:from|at)\s+home|in\s+(?:the|our)\s+office|on[- ]?site)\b/i;
// "remote" that is not about where the job is done.
const REMOTE_NOISE =
  /\bremote (?:access|patient monitoring|monitoring|coding experience|experience|work experience)\b/i;

// "Remote work allowed at manager's discretion": an office job that may be done from home at times.
const REMOTE_BY_DISCRETION =
  /\b(?:remote|telework|telecommut\w*|work(?:ing)? from home)\b[^.;]{0,40}\b(?:at|with|upon|subject to|per)\s+(?:the\s+)?(?:manager|supervisor|leader|leadership|department|director)\w*(?:'s)?\s+(?:discretion|approval)|\b(?:manager|supervisor|leadership)(?:'s)?\s+discretion\b[^.;]{0,40}\b(?:remote|telework|work from home)\b/i;
// "Onsite or Remote / Hybrid": a board's menu of every mode says nothing about this job.
const MODE_MENU = [/\b(?:on[- ]?site|in[- ]office|in[- ]person)\b/i, /\bremote\b/i, /\bhybrid\b/i];
const MENU_JOINER = /\bor\b|\//i;

function isModeMenu(clause: string): boolean {
  return MENU_JOINER.test(clause) && MODE_MENU.every((word) => word.test(clause));
}

// Cheap test first: most clauses say nothing about where the work happens.
const WORK_PLACE_WORDS =
  /remote|hybrid|home|telecommut|telework|wfh|site|office|person|premise|anywhere|facility|hospital|clinic|center|campus|virtual|days/i;

export interface WorkModeReading {
  workMode: WorkMode;
  evidence: Evidence[];
}

interface Signals {
  hybrid: string | null;
  notRemote: string | null;
  remote: string | null;
  onsite: string | null;
}

function readStructured(raw: RawPosting): WorkMode | null {
  const type = (raw.workplaceType ?? '').toLowerCase();
  if (/hybrid/.test(type)) return 'hybrid';
  if (/remote|telecommute|virtual|home/.test(type)) return 'remote';
  if (/on[- ]?site|office|in[- ]person/.test(type)) return 'onsite';
  if (raw.remote === true) return 'remote';
  return null;
}

function readClause(clause: string, signals: Signals): void {
  if (/discretion|approval/i.test(clause) && REMOTE_BY_DISCRETION.test(clause)) {
    signals.hybrid ??= clause;
    return;
  }
  if (/hybrid/i.test(clause) && isModeMenu(clause)) return;
  if (HYBRID.test(clause)) signals.hybrid ??= clause;
  if (NOT_REMOTE.test(clause)) {
    signals.notRemote ??= clause;
    return;
  }
  const remote = REMOTE.test(clause) && !REMOTE_NOISE.test(clause);
  const onsite = ONSITE.test(clause);
  if (remote && onsite) {
    if (ONSITE_EXCEPTION.test(clause)) signals.remote ??= clause;
    else signals.hybrid ??= clause;
  } else if (remote) {
    if (
      (DAYS_SPLIT.test(clause) && /\b(?:office|on[- ]?site|in[- ]person)\b/i.test(clause)) ||
      PART_WEEK.test(clause)
    )
      signals.hybrid ??= clause;
    else signals.remote ??= clause;
  } else if (onsite) {
    if (DAYS_SPLIT.test(clause) && /\b(?:home|remote)\b/i.test(clause)) signals.hybrid ??= clause;
    else if (!ONSITE_EXCEPTION.test(clause)) signals.onsite ??= clause;
  }
}

export function extractWorkMode(raw: RawPosting, lines: PostingLine[]): WorkModeReading {
  const signals: Signals = { hybrid: null, notRemote: null, remote: null, onsite: null };
  for (const location of raw.locations ?? [])
    if (location.text) readClause(location.text.slice(0, 300), signals);
  for (const line of lines) {
    if (NON_JOB_SECTIONS.has(line.section)) continue;
    const own: Signals = { hybrid: null, notRemote: null, remote: null, onsite: null };
    for (const clause of line.clauses) if (WORK_PLACE_WORDS.test(clause)) readClause(clause, own);
    // "Work from home 3 days; in the office Tuesdays and Thursdays": both on one line is a split week.
    if (own.remote && own.onsite && !own.notRemote) own.hybrid ??= line.text;
    signals.hybrid ??= own.hybrid;
    signals.notRemote ??= own.notRemote;
    signals.remote ??= own.remote;
    signals.onsite ??= own.onsite;
  }
  const structured = readStructured(raw);
  const decide = (): [WorkMode, string] => {
    if (signals.hybrid) return ['hybrid', signals.hybrid];
    if (signals.notRemote) return ['onsite', signals.notRemote];
    if (structured === 'hybrid') return ['hybrid', `workplace type: ${raw.workplaceType}`];
    if (signals.remote) return ['remote', signals.remote];
    if (structured)
      return [structured, raw.workplaceType ? `workplace type: ${raw.workplaceType}` : 'remote: true'];
    if (signals.onsite) return ['onsite', signals.onsite];
    return ['unknown', ''];
  };
  const [workMode, phrase] = decide();
  return {
    workMode,
    evidence: workMode === 'unknown' ? [] : [{ field: 'workMode', value: workMode, phrase: snippet(phrase) }],
  };
}

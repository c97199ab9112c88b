// Decides what the job is from what the person will do. Titles mislead ("Certified Medical Coder"
// whose duties are audits, "Coding Quality Specialist" who mostly codes), so the duties weigh more
// than the title: each role collects points from duty phrases, weighted by the section they sit in,
// and the title adds a smaller push. Coding and billing both substantial make a coder_biller.
//
// What real postings taught: billers and AR staff share most words (claims, payments, denials), so
// between those two a title that names one function (billing, posting / collections, denials,
// receivables) settles it, and neutral titles ("Patient Account Representative", "Business Office
// Manager") leave it to the duties, where preparing and sending claims, entering charges and posting
// payments is billing. An auditor reviews coding or claims, an educator teaches coders or providers;
// the words "audit", "training" or "review" alone make neither. Titles of other professions
// (software engineer, data scientist) are not coding jobs, whatever the product; managers and
// supervisors of coding stay coders, as the vocabulary has no manager role.
import type { Role } from '#taxonomy';
import type { Evidence } from './normalized-listing';
import type { PostingLine, SectionKind } from './posting-lines';
import { snippet } from './evidence';
import { MAX_LINE_CHARS } from './text-limits';

type Scored = Exclude<Role, 'coder_biller'>;

const DUTY_SIGNALS: Record<Scored, RegExp> = {
  coder:
    /\b(?:assign(?:s|ing)?\s+(?:[\w/&,-]+\s+){0,5}codes?|codes?\s+(?:[\w/&,-]+\s+){0,6}(?:encounters|records|charts|visits|cases|procedures|services|stays|admissions|episodes|reports|transports|requisitions|levels|studies)|coding of|abstract(?:s|ing)?\s+(?:and\s+code|diagnos)|code assignment|production coding|(?:inpatient|outpatient|profee|risk adjustment|surgical|hospital|physician|professional|facility|medical)\s+coder|capture\s+hccs?|codes?\s+(?:every|each|all)|codes\s+(?:hematology|physician|professional|complex|hospital|urgent|pediatric|cardiac)|review\s+(?:\w+\s+){0,4}(?:documentation|records|notes)\s+(?:\w+\s+){0,3}(?:to\s+)?(?:assign|code|abstract)|(?:assign|apply)\s+(?:e\/m|modifiers)|coding\s+(?:charts|visits|encounters))\b/gi,
  // Preparing, sending and correcting claims, charges, payment posting, statements.
  biller:
    /\b(?:billers?|(?:submit|submits|submitting|submission\s+of|prepare|prepares|preparing|preparation\s+of|process|processes|processing|file|files|filing|release|releases|releasing|transmit\w*|scrub\w*|resubmit\w*|re-?bill\w*)\s+(?:[\w/()&-]+\s+){0,4}?claims?|re-?bill(?:s|ed|ing)\b|corrected\s+claims?|claims?\s+(?:submissions?|processing|preparation|scrubb\w+|forms?|proofing)|clean\s+claims?|hold\s+buckets?|charge\s+(?:entry|review|maintenance|corrections?|posting)|(?:enter|enters|entering|input|inputs)\s+(?:[\w/]+\s+){0,3}(?:charges|payments)|(?:post|posts|posting|posted|process|processes|processing|apply|applies|applying)\s+(?:[\w/-]+\s+){0,4}?(?:payments?|adjustments|remittances?|receipts|allowances|cash|transactions)|payment\s+post(?:ing|ers?)|cash\s+(?:posting|applications?|receipts)|remittances?|lockbox|(?:bank|daily)\s+deposits?|clearinghouses?|cms-1500|ub-?04|837[pi]?|(?:patient|monthly|customer|itemized)\s+(?:account\s+)?statements|invoices|(?:insurance|monthly|medicare|medicaid|third[- ]party|resident|private|hospital|physician|professional|claims?)\s+billing|(?<!after\s+(?:the\s+)?(?:initial\s+)?)billing\s+(?:of|for|to|process\w*|preparation|submission|functions?|activities|errors?|requirements|compliance|edits?|cycle)|bill(?:s|ed|ing)?\s+(?:\w+\s+){0,3}?(?:claims|insurance|payers?|payors?|self-pay|patients|secondary|balances)|secondary\s+(?:claims|insurance|payers?|payors?)|coordination\s+of\s+benefits|contractual\s+(?:adjustments|allowances)|rejections|payment\s+plans|eligibility\s+and\s+benefits|census|bill\s+our)\b/gi,
  // Working what was sent and not paid (follow-up, denials, appeals, collections) or paid wrongly
  // (credit balances, refunds). A title naming credit balances decides nothing: the duties do.
  ar_denials:
    /\b(?:denials?|denied\s+(?:claims?|accounts|charges)|appeals?|appealing|accounts?\s+receivables?|a\/r|ar\s+(?:follow[- ]up|inventory|aging|balances|reports?|meetings?)|aged\s+(?:insurance\s+)?(?:ar|accounts|claims|balances)|aging\s+(?:reports?|accounts|analysis|buckets)|follow(?:s|ing)?[- ]?ups?\s+(?:on|with)\s+(?:[\w-]+\s+){0,3}?(?:claims|accounts|balances|payers?|payors?|insurance|non-?payments?)|follow-ups?|followups?|collect(?:s|ing)?\s+(?:[\w-]+\s+){0,2}?(?:accounts|balances|payments)|collections?|past[- ]due|delinquent|unpaid|underpa\w+|reconsiderations?|redeterminations?|insurance\s+follow[- ]up|credit\s+balances?|refunds?|(?:accounts?\s+in\s+(?:a\s+)?)?credit\s+(?:status|reasons?|resolution)|resolv\w*\s+(?:the\s+)?credits?|after\s+(?:the\s+)?(?:initial\s+)?billing(?:\s+process)?(?:\s+is\s+complete)?|bankruptc(?:y|ies)|probate|bad\s+debt\s+(?:accounts|referrals?|placements?)|(?:to|for)\s+bad\s+debt)\b/gi,
  // Reviewing coding, charts or claims someone else produced.
  auditor:
    /\b(?:(?:coding|code|chart|claims?|billing|drg|e\/m|documentation|medical\s+record|pre-?bill|retrospective|prospective|focused|internal|external|provider)\s+(?:audit(?:s|ing)?|reviews?\s+of\s+coding)|audit(?:s|ing|ed)?\s+(?:of\s+)?(?:[\w/&,-]+\s+){0,4}?(?:coding|codes|coders|charts|claims|medical\s+records|documentation|encounters|drgs?|e\/m|billing)|(?:coding|billing|chart|compliance|drg|quality)\s+auditors?|(?:random|focused)\s+(?:coding\s+)?(?:reviews?|audits?)|(?:retrospective|prospective)\s+(?:coding|chart|claims?|code)\s+(?:reviews?|audits?)|reviews?\s+(?:\w+\s+){0,2}?(?:coders?|others)(?:'s?)?\s+(?:\w+\s+){0,2}?(?:charts|coding|codes|work|claims)|reviews?\s+of\s+(?:[\w/-]+\s+){0,4}?(?:coding|codes|drgs?|apcs?|code\s+assignment|claims|charts)|validat(?:e|es|ing|ion)\s+(?:\w+\s+){0,5}(?:coding|codes|drgs?|accuracy|assignment)|drg\s+validation|coding\s+accuracy|accuracy\s+scores?|coding\s+quality|peer\s+review|payment\s+integrity|pre-bill\s+edit|audit\s+findings|(?:charts|claims|encounters|records)\s+coded\s+by|(?:charts|claims|encounters|records|coding)\s+(?:[\w-]+\s+){0,4}?for\s+(?:coding\s+)?accuracy)\b/gi,
  cdi: /\b(?:clinical\s+documentation\s+(?:integrity|improvement|specialists?|program|review)|cdi|documentation\s+(?:integrity|improvement)|quer(?:y|ies)\s+(?:to\s+)?(?:physicians|providers|primary)|compliant\s+(?:\w+\s+)?quer(?:y|ies)|concurrent\s+(?:and\s+retrospective\s+)?reviews?|working\s+drgs?|drg\s+reconciliation|severity\s+of\s+illness|hcc\s+gaps|query\s+response)\b/gi,
  // Teaching coders or providers about coding and documentation.
  educator:
    /\b(?:educator|education\s+(?:sessions|curriculum|content|decks)|deliver(?:s|ing)?\s+(?:[\w-]+\s+){0,4}education|educate(?:s)?\s+(?:providers|coders|physicians|clinicians|staff\s+on\s+coding)|train(?:s|ing)?\s+(?:new\s+)?coders|coding\s+(?:education|curriculum)|curriculum\s+for\s+(?:new\s+)?coders|tip\s+sheets|e-learning|teach(?:es|ing)?\s+(?:\w+\s+){0,3}(?:coding|coders|documentation)|provider\s+(?:documentation\s+)?education|coach(?:es|ing)?\s+(?:our\s+)?(?:providers|coders))\b/gi,
  him_other:
    /\b(?:release\s+of\s+information|roi|medical\s+records?\s+(?:requests|clerk)|record\s+requests|requests\s+for\s+medical\s+records|scan(?:s|ning)?|index(?:es|ing)?|chart\s+(?:completion|prep|tracking)|deficient\s+charts|(?:tumor|cancer|trauma|stroke)\s+registrar|registry|casefinding|abstracts?\s+cases|document\s+imaging|file\s+charts|pull\s+and\s+file)\b/gi,
  other:
    /\b(?:medical\s+assistant|vital\s+signs|room\s+patients|utilization\s+(?:review|management)|medical\s+necessity\s+using|interqual|case\s+management|mds\s+(?:3\.0\s+)?assessments|minimum\s+data\s+set|care\s+plan(?:ning)?|chargemaster|cdm|charge\s+capture|charge\s+reconciliation|prior\s+authorizations?|administer\s+injections|discharge\s+planning|pricing|mcg|milliman|level\s+of\s+care|peer[- ]to[- ]peer|continued\s+stay|length\s+of\s+stay|schedul(?:e|es|ing)\s+(?:\w+\s+){0,2}?(?:appointments|patients|visits)|register(?:s|ing)?\s+patients|patient\s+registration|check[- ]in|front\s+desk|greet(?:s|ing)?\s+patients)\b/gi,
};

// Cheap keyword tests that let most lines skip a role's long pattern.
const DUTY_GATES: Record<Scored, RegExp> = {
  coder: /cod|abstract|hcc|e\/m|modifier/i,
  biller:
    /bill|claim|payment|charge|clearinghouse|1500|ub-?04|837|statement|rejection|eligibility|post|remit|cash|lockbox|deposit|invoice|census|edit|hold|benefits|allowance|adjustment/i,
  ar_denials:
    /denial|denied|appeal|receivable|a\/r|\bar\b|aged|aging|unpaid|underpa|collect|follow|reconsideration|redetermination|due|delinquent|credit|refund|after|bankrupt|probate|bad debt/i,
  auditor: /audit|validat|accuracy|quality|review|integrity|pre-bill/i,
  cdi: /document|cdi|quer|concurrent|drg|severity|hcc/i,
  educator: /educat|train|curriculum|tip sheet|learning|teach|coach/i,
  him_other: /release|roi|record|scan|index|chart|registr|casefinding|abstract|imaging|file/i,
  other:
    /assistant|vital|room|utilization|interqual|case management|mds|minimum data|care plan|chargemaster|cdm|charge|authoriz|inject|discharge|pricing|mcg|milliman|level of care|peer|stay|schedul|regist|check|front desk|greet/i,
};

// Words a title uses for each role. The auditor's and educator's need a coding subject: a "Clinical
// Auditor" of letters or a "Trainer" of front-desk staff is not a coding auditor or educator.
const CODING_SUBJECT =
  '(?:coding|coder|code|chart|claims?|billing|drg|e\\/m|documentation|revenue|compliance|medical\\s+records?|hcc|risk\\s+adjustment|inpatient|outpatient|profee|facility|professional\\s+fee)';
const TITLE_SIGNALS: Record<Scored, RegExp> = {
  coder: /\b(?:coder|coders|coding|medical\s+records\s+technician\s+\(coder\)|abstractor)\b/i,
  biller:
    /\b(?:biller|billing|business\s+office\s+(?:manager|supervisor|director|administrator|lead|specialist|coordinator|representative|rep|associate|clerk|assistant)|payment\s+post\w*|posting|poster|cash\s+appl\w*|payment\s+process\w*|charge\s+entry|claims?\s+(?:specialist|processor|representative|coordinator|analyst))\b/i,
  ar_denials:
    /\b(?:denials?|collections?|collector|accounts\s+receivable|receivables?|a\/r|follow[- ]up|appeals?|underpayments?|recovery)\b|\bAR\b|\bA\.R\.?(?=\s|$)/i,
  auditor: new RegExp(
    `\\b${CODING_SUBJECT}\\b[^,;()]{0,30}\\b(?:audit\\w*|validation|quality|qa)\\b|\\baudit\\w*\\b[^,;()]{0,20}\\b${CODING_SUBJECT}\\b`,
    'i',
  ),
  cdi: /\b(?:cdi|clinical\s+documentation|documentation\s+(?:specialist|integrity|improvement))\b/i,
  educator: new RegExp(
    `\\b${CODING_SUBJECT}\\b[^,;()]{0,30}\\b(?:educator|education|trainer)\\b|\\b(?:educator|trainer)\\b[^,;()]{0,20}\\b${CODING_SUBJECT}\\b`,
    'i',
  ),
  him_other:
    /\b(?:him|health\s+information|release\s+of\s+information|(?:tumor|cancer|trauma|stroke)\s+registrar|registry|medical\s+records\s+clerk)\b/i,
  // Scheduling and patient access sit beside billing in the revenue cycle but are not billing.
  other:
    /\b(?:medical\s+assistant|nurse|rn|mds|revenue\s+integrity|utilization|receptionist|front\s+desk|scheduler|scheduling|patient\s+access|(?:patient|admitting|registration|ed|emergency)\s+registrar)\b/i,
};

const CODER_BILLER_TITLE =
  /\b(?:billing\s+(?:and|&)\s+coding|coding\s+(?:and|&)\s+billing|coder\s*\/\s*biller|biller\s*\/\s*coder)\b/i;

// Other professions that name healthcare words ("Software Engineer - Revenue Cycle", "QA Engineer
// (Java coding)", "Data Analyst, Risk Adjustment"): their work is not coding or billing.
const OTHER_PROFESSION_TITLE =
  /\b(?:software|engineer(?:ing)?|developer|programmer|devops|sre|qa\s+(?:engineer|automation|tester)|quality\s+assurance\s+engineer|data\s+(?:scientist|engineer|analyst)|machine\s+learning|product\s+(?:manager|designer|owner)|ux|ui\s+designer|account\s+executive|sales|marketing|recruiter|policy\s+development)\b/i;

// "Coding Manager", "Supervisor, HIM Coding", "Lead Coder": the vocabulary has no manager role.
const CODING_LEAD_TITLE =
  /\b(?:cod(?:ing|er)s?)\b[^,;()]{0,25}\b(?:manager|supervisor|director|lead|team\s+lead)\b|\b(?:manager|supervisor|director|lead)\b[^;()]{0,25}\bcod(?:ing|er)s?\b/i;
const AUDIT_OR_TEACH_TITLE = /\b(?:audit\w*|educat\w*|trainer|cdi|documentation)\b/i;

const SECTION_WEIGHT: Record<SectionKind, number> = {
  intro: 1,
  duties: 1.2,
  requirements: 0.3,
  preferred: 0.1,
  benefits: 0,
  about: 0,
  pay: 0,
  legal: 0,
  logistics: 0.3,
};
const TITLE_WEIGHT = 2;
const MAX_HITS_PER_CLAUSE = 3;
/** Billing and AR points this close make a mixed job, decided by the duty named first. */
const BILLING_AR_TIE = 0.65;
/** Below this, nothing in the title or the duties says what the job is: background words only. */
const MIN_ROLE_POINTS = 1;

export const ROLE_FROM_TITLE = 'read from the title alone: the duties do not say';
export const NO_ROLE_WORDS = 'no coding or billing work named in the title or the duties';

export interface RoleReading {
  role: Role;
  /**
   * What the role rests on: the duties; the title alone (no duty said so); a title naming another
   * profession; or nothing at all (the role is "other" for want of any coding or billing words).
   */
  basis: 'duties' | 'title' | 'profession' | 'none';
  evidence: Evidence[];
}

export interface RoleScores {
  /** Title and duty points per role. */
  scores: Map<Scored, number>;
  /** Duty points only (the title left out). */
  dutyScores: Map<Scored, number>;
  /** The first phrase that gave each role points. */
  phrases: Map<Scored, string>;
  /** Roles the title names. */
  titleRoles: Set<Scored>;
  /** Where in the duties each role is first named (smaller is earlier). */
  firstDuty: Map<Scored, number>;
}

// "The Billing and Collections Specialist handles ...": a sentence naming the job by its title
// says nothing about its duties, so the title's words there are blanked (offsets kept).
const MIN_TITLE_CHARS_TO_BLANK = 8;
// "May take part in any or all aspects of the account cycle, from billing to collections": the
// sentence draws the department's scope, so the order of its words says nothing of the core duty.
const SCOPE_CLAUSE =
  /\b(?:any or all|any (?:part|aspect|phase)s? of|all (?:aspects|parts|phases) of|every (?:part|aspect|phase) of)\b/i;
function withoutTitle(clause: string, titleKey: string): string {
  if (titleKey.length < MIN_TITLE_CHARS_TO_BLANK || clause.length < titleKey.length) return clause;
  const at = clause.toLowerCase().indexOf(titleKey);
  return at < 0
    ? clause
    : clause.slice(0, at) + ' '.repeat(titleKey.length) + clause.slice(at + titleKey.length);
}

/** Points per role from the title and the duties; exported for specs and for tuning. */
export function scoreRoles(lines: PostingLine[]): RoleScores {
  const title = lines[0]?.text ?? '';
  const scores = new Map<Scored, number>();
  const phrases = new Map<Scored, string>();
  const dutyScores = new Map<Scored, number>();
  const titleRoles = new Set<Scored>();
  const firstDuty = new Map<Scored, number>();
  const add = (role: Scored, points: number, phrase: string, duty = true) => {
    scores.set(role, (scores.get(role) ?? 0) + points);
    if (duty) dutyScores.set(role, (dutyScores.get(role) ?? 0) + points);
    if (!phrases.has(role)) phrases.set(role, phrase);
  };

  for (const role of Object.keys(TITLE_SIGNALS) as Scored[]) {
    if (TITLE_SIGNALS[role].test(title)) {
      titleRoles.add(role);
      add(role, TITLE_WEIGHT, title, false);
    }
  }
  const titleKey = title.trim().toLowerCase();
  for (const line of lines.slice(1)) {
    const weight = SECTION_WEIGHT[line.section];
    if (weight === 0 || line.heading) continue;
    const clauses = line.clauses.map((clause) => withoutTitle(clause, titleKey));
    for (const role of Object.keys(DUTY_SIGNALS) as Scored[]) {
      if (!DUTY_GATES[role].test(line.text)) continue;
      const pattern = DUTY_SIGNALS[role];
      pattern.lastIndex = 0;
      let hits = 0;
      let first: { clause: string; m: RegExpExecArray } | null = null;
      // Capped per sentence, not per line: a page flattened into one paragraph still counts each
      // of its sentences, and no single list of terms outweighs the rest of the duties.
      let core: { clause: string; m: RegExpExecArray } | null = null;
      for (const clause of clauses) {
        let clauseHits = 0;
        const scope = SCOPE_CLAUSE.test(clause);
        for (let m = pattern.exec(clause); m && clauseHits < MAX_HITS_PER_CLAUSE; m = pattern.exec(clause)) {
          clauseHits++;
          first ??= { clause, m };
          if (!scope) core ??= { clause, m };
        }
        pattern.lastIndex = 0;
        hits += clauseHits;
      }
      if (first) {
        add(role, hits * weight, snippet(first.clause, first.m.index, first.m.index + first.m[0].length));
        if (core && !firstDuty.has(role))
          firstDuty.set(role, line.index * MAX_LINE_CHARS + line.text.indexOf(core.clause) + core.m.index);
      }
    }
  }
  return { scores, dutyScores, phrases, titleRoles, firstDuty };
}

/** Between billing and AR work, a title naming exactly one of them settles it. */
function billingOrReceivables(role: Role, titleRoles: Set<Scored>): Role {
  if (role !== 'biller' && role !== 'ar_denials') return role;
  const biller = titleRoles.has('biller');
  const receivables = titleRoles.has('ar_denials');
  if (biller && !receivables) return 'biller';
  if (receivables && !biller) return 'ar_denials';
  return role;
}

export function classifyRole(lines: PostingLine[]): RoleReading {
  const title = lines[0]?.text ?? '';
  const { scores, dutyScores, phrases, titleRoles, firstDuty } = scoreRoles(lines);
  const reading = (role: Role, basis: RoleReading['basis'], phrase: string): RoleReading => {
    const evidence: Evidence = { field: 'role', value: role, phrase };
    if (basis === 'title') evidence.inferred = ROLE_FROM_TITLE;
    else if (basis === 'none') evidence.inferred = NO_ROLE_WORDS;
    return { role, basis, evidence: [evidence] };
  };
  if (OTHER_PROFESSION_TITLE.test(title)) return reading('other', 'profession', title);

  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const [top, topScore] = ranked[0] ?? ['other', 0];
  const coderDuties = dutyScores.get('coder') ?? 0;
  const billerDuties = dutyScores.get('biller') ?? 0;
  let role: Role = topScore >= MIN_ROLE_POINTS ? top : 'other';
  // "Coding Auditor" with duties that say nothing either way: the coding names the subject of the
  // audit (or the teaching), so the title's more specific role wins the tie.
  for (const specific of ['auditor', 'educator'] as const) {
    if (role === 'coder' && titleRoles.has(specific) && (scores.get(specific) ?? 0) >= topScore)
      role = specific;
  }
  if (CODER_BILLER_TITLE.test(title)) role = 'coder_biller';
  else if (CODING_LEAD_TITLE.test(title) && !AUDIT_OR_TEACH_TITLE.test(title)) role = 'coder';
  else if (
    (role === 'coder' || role === 'biller') &&
    coderDuties >= 1 &&
    billerDuties >= 2 &&
    billerDuties >= 0.5 * coderDuties
  ) {
    role = 'coder_biller';
  } else if (role === 'biller' || role === 'ar_denials') {
    // Billers work their own denials and AR staff resubmit claims: when neither clearly dominates,
    // the work the posting names first is the job's core (postings list the main duty first).
    const other = role === 'biller' ? 'ar_denials' : 'biller';
    if ((scores.get(other) ?? 0) >= BILLING_AR_TIE * topScore) {
      const [billerAt, arAt] = [firstDuty.get('biller') ?? Infinity, firstDuty.get('ar_denials') ?? Infinity];
      role = arAt < billerAt ? 'ar_denials' : 'biller';
    }
  }
  role = billingOrReceivables(role, titleRoles);
  const scored = role === 'coder_biller' ? 'coder' : (role as Scored);
  const phrase = phrases.get(scored) ?? title;
  const fromDuties = (dutyScores.get(scored) ?? 0) > 0 || (role === 'coder_biller' && billerDuties > 0);
  const basis = role === 'other' && topScore < MIN_ROLE_POINTS ? 'none' : fromDuties ? 'duties' : 'title';
  return reading(role, basis, phrase);
}

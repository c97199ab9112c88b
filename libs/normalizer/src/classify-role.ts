// Decides what the job is from what the person will do. Titles mislead ("Certified Medical Coder"
// whose duties are audits, "Coding Quality Specialist" who mostly codes), so the duties weigh more
// than the title: each role collects points from duty phrases, weighted by the section they sit in,
// and the title adds a smaller push. Coding and billing both substantial make a coder_biller.
import type { Role } from '#taxonomy';
import type { Evidence } from './normalized-listing';
import type { PostingLine, SectionKind } from './posting-lines';
import { snippet } from './evidence';

type Scored = Exclude<Role, 'coder_biller'>;

const DUTY_SIGNALS: Record<Scored, RegExp> = {
  coder:
    /\b(?:assign(?:s|ing)?\s+(?:[\w/&,-]+\s+){0,5}codes?|codes?\s+(?:[\w/&,-]+\s+){0,6}(?:encounters|records|charts|visits|cases|procedures|services|stays|admissions|episodes|reports|transports|requisitions|levels|studies)|coding of|abstract(?:s|ing)?\s+(?:and\s+code|diagnos)|code assignment|production coding|(?:inpatient|outpatient|profee|risk adjustment|surgical|hospital|physician|professional|facility|medical)\s+coder|capture\s+hccs?|codes?\s+(?:every|each|all)|codes\s+(?:hematology|physician|professional|complex|hospital|urgent|pediatric|cardiac)|review\s+(?:\w+\s+){0,4}(?:documentation|records|notes)\s+(?:\w+\s+){0,3}(?:to\s+)?(?:assign|code|abstract)|(?:assign|apply)\s+(?:e\/m|modifiers)|coding\s+(?:charts|visits|encounters))\b/gi,
  biller:
    /\b(?:biller|submit(?:s|ting)?\s+(?:[\w/()-]+\s+){0,4}claims|claims?\s+submission|prepare(?:s)?\s+(?:[\w/()-]+\s+){0,4}claims|post(?:s|ing)?\s+(?:[\w/]+\s+){0,3}payments|payment\s+post(?:ing|er)|charge\s+entry|enter(?:s|ing)?\s+(?:[\w/]+\s+){0,2}charges|clearinghouse|cms-1500|ub-04|837[pi]?|patient\s+statements|bill(?:s|ing)?\s+(?:\w+\s+){0,3}claims|secondary\s+claims|rejections|payment\s+plans|eligibility\s+and\s+benefits|bill\s+our)\b/gi,
  ar_denials:
    /\b(?:denials?|denied|appeals?|accounts?\s+receivable|a\/r|ar\s+follow[- ]up|aged\s+(?:insurance\s+)?ar|follow(?:s|ing)?[- ]up\s+(?:on|with)\s+(?:\w+\s+){0,3}(?:claims|accounts|balances)|unpaid|underpa\w+|collections?|insurance\s+follow[- ]up|reconsiderations?|balances)\b/gi,
  auditor:
    /\b(?:audit(?:s|ing|ed)?|auditors?|validat(?:e|es|ing|ion)\s+(?:\w+\s+){0,5}(?:coding|codes|drgs?|accuracy|assignment|data)|drg\s+validation|coding\s+accuracy|accuracy\s+scores?|coding\s+quality|peer\s+review|payment\s+integrity|pre-bill\s+edit|audit\s+findings)\b/gi,
  cdi: /\b(?:clinical\s+documentation|cdi|documentation\s+(?:integrity|improvement)|quer(?:y|ies)\s+(?:to\s+)?(?:physicians|providers|primary)|compliant\s+(?:\w+\s+)?quer(?:y|ies)|concurrent\s+(?:and\s+retrospective\s+)?reviews?|working\s+drgs?|drg\s+reconciliation|severity\s+of\s+illness|hcc\s+gaps|query\s+response)\b/gi,
  educator:
    /\b(?:educator|education\s+(?:sessions|curriculum|content|decks)|deliver(?:s|ing)?\s+(?:[\w-]+\s+){0,4}education|educate(?:s)?\s+(?:providers|coders)|train(?:s|ing)?\s+coders|curriculum|tip\s+sheets|e-learning|teach(?:es|ing)?|provider\s+(?:documentation\s+)?education|coach(?:es|ing)?\s+(?:our\s+)?providers)\b/gi,
  him_other:
    /\b(?:release\s+of\s+information|roi|medical\s+records?\s+(?:requests|clerk)|record\s+requests|requests\s+for\s+medical\s+records|scan(?:s|ning)?|index(?:es|ing)?|chart\s+(?:completion|prep|tracking)|deficient\s+charts|registrar|registry|casefinding|abstracts?\s+cases|document\s+imaging|file\s+charts|pull\s+and\s+file)\b/gi,
  other:
    /\b(?:medical\s+assistant|vital\s+signs|room\s+patients|utilization\s+(?:review|management)|medical\s+necessity\s+using|interqual|case\s+management|mds\s+(?:3\.0\s+)?assessments|minimum\s+data\s+set|care\s+plan(?:ning)?|chargemaster|cdm|charge\s+capture|charge\s+reconciliation|prior\s+authorizations?|administer\s+injections|discharge\s+planning|pricing)\b/gi,
};

// Cheap keyword tests that let most lines skip a role's long pattern.
const DUTY_GATES: Record<Scored, RegExp> = {
  coder: /cod|abstract|hcc|e\/m|modifier/i,
  biller: /bill|claim|payment|charge|clearinghouse|1500|ub-04|837|statement|rejection|eligibility/i,
  ar_denials:
    /denial|denied|appeal|receivable|a\/r|\bar\b|unpaid|underpa|collection|follow|reconsideration|balance/i,
  auditor: /audit|validat|accuracy|quality|peer review|integrity|pre-bill/i,
  cdi: /document|cdi|quer|concurrent|drg|severity|hcc/i,
  educator: /educat|train|curriculum|tip sheet|learning|teach|coach/i,
  him_other: /release|roi|record|scan|index|chart|registr|casefinding|abstract|imaging|file/i,
  other:
    /assistant|vital|room|utilization|interqual|case management|mds|minimum data|care plan|chargemaster|cdm|charge|authoriz|inject|discharge|pricing/i,
};

const TITLE_SIGNALS: Record<Scored, RegExp> = {
  coder: /\b(?:coder|coders|coding|medical\s+records\s+technician\s+\(coder\)|abstractor)\b/i,
  biller: /\b(?:biller|billing|payment\s+poster|charge\s+entry)\b/i,
  ar_denials: /\b(?:denials?|collections?|accounts\s+receivable|a\/r|patient\s+account|follow[- ]up)\b/i,
  auditor: /\b(?:audit\w*|validation|quality)\b/i,
  cdi: /\b(?:cdi|clinical\s+documentation|documentation\s+(?:specialist|integrity|improvement))\b/i,
  educator: /\b(?:educator|education|trainer)\b/i,
  him_other:
    /\b(?:him|health\s+information|release\s+of\s+information|registrar|medical\s+records\s+clerk)\b/i,
  other: /\b(?:medical\s+assistant|nurse|rn|mds|revenue\s+integrity|utilization)\b/i,
};

const CODER_BILLER_TITLE =
  /\b(?:billing\s+(?:and|&)\s+coding|coding\s+(?:and|&)\s+billing|coder\s*\/\s*biller|biller\s*\/\s*coder)\b/i;

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
const MAX_HITS_PER_LINE = 3;

export interface RoleReading {
  role: Role;
  evidence: Evidence[];
}

export function classifyRole(lines: PostingLine[]): RoleReading {
  const title = lines[0]?.text ?? '';
  const scores = new Map<Scored, number>();
  const phrases = new Map<Scored, string>();
  const dutyScores = new Map<Scored, number>();
  const add = (role: Scored, points: number, phrase: string, duty = true) => {
    scores.set(role, (scores.get(role) ?? 0) + points);
    if (duty) dutyScores.set(role, (dutyScores.get(role) ?? 0) + points);
    if (!phrases.has(role)) phrases.set(role, phrase);
  };

  for (const role of Object.keys(TITLE_SIGNALS) as Scored[]) {
    if (TITLE_SIGNALS[role].test(title)) add(role, TITLE_WEIGHT, title, false);
  }
  for (const line of lines.slice(1)) {
    const weight = SECTION_WEIGHT[line.section];
    if (weight === 0 || line.heading) continue;
    for (const role of Object.keys(DUTY_SIGNALS) as Scored[]) {
      if (!DUTY_GATES[role].test(line.text)) continue;
      const pattern = DUTY_SIGNALS[role];
      pattern.lastIndex = 0;
      let hits = 0;
      let first: RegExpExecArray | null = null;
      for (let m = pattern.exec(line.text); m && hits < MAX_HITS_PER_LINE; m = pattern.exec(line.text)) {
        hits++;
        first ??= m;
      }
      if (first) add(role, hits * weight, snippet(line.text, first.index, first.index + first[0].length));
    }
  }

  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const [top, topScore] = ranked[0] ?? ['other', 0];
  const biller = scores.get('biller') ?? 0;
  const coderDuties = dutyScores.get('coder') ?? 0;
  const billerDuties = dutyScores.get('biller') ?? 0;
  let role: Role = topScore > 0 ? top : 'other';
  if (CODER_BILLER_TITLE.test(title)) role = 'coder_biller';
  else if (
    (role === 'coder' || role === 'biller') &&
    coderDuties >= 1 &&
    billerDuties >= 2 &&
    billerDuties >= 0.5 * coderDuties
  ) {
    role = 'coder_biller';
  } else if (role === 'ar_denials' && biller >= 0.65 * topScore) {
    // Billers work their own denials; the job is billing unless follow-up clearly dominates.
    role = 'biller';
  }
  const phrase =
    role === 'coder_biller' ? (phrases.get('coder') ?? title) : (phrases.get(role as Scored) ?? title);
  return { role, evidence: [{ field: 'role', value: role, phrase }] };
}

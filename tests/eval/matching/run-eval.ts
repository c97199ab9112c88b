import { CUTOFF, evaluateMatching } from './evaluate-matching';

// Prints NDCG@10 per profile and on average, and every eligibility error: a listing returned in
// plain mode that the judgements mark as breaking a hard constraint. Exits 1 on any such error.
// `--verbose` also prints each profile's top results with their reasons. Profiles marked * were
// judged after the scoring weights were last changed, so their figure is free of tuning.

const verbose = process.argv.includes('--verbose');
const evaluation = evaluateMatching();

console.log(
  `Matching relevance: ${evaluation.profiles.length} profiles, ${evaluation.listings} listings, ${evaluation.judged} judgements`,
);
console.log('');
for (const p of evaluation.profiles) {
  const flags = [
    p.eligibilityErrors.length > 0 ? `${p.eligibilityErrors.length} eligibility error(s)` : '',
    p.missedRelevant.length > 0 ? `${p.missedRelevant.length} relevant filtered out` : '',
  ].filter(Boolean);
  console.log(
    `${p.id.padEnd(32)}${p.heldOut ? '*' : ' '}NDCG@${CUTOFF} ${p.ndcg.toFixed(3)}  returned ${String(p.returned).padStart(3)}  ${flags.join(', ')}`,
  );
  for (const e of p.eligibilityErrors) console.log(`    ELIGIBILITY ERROR ${e.listingId} (score ${e.score})`);
  for (const m of p.missedRelevant)
    console.log(`    filtered out, judged ${m.grade}: ${m.listingId}: ${m.missing.join('; ')}`);
  if (verbose) {
    for (const r of p.top) {
      console.log(
        `    ${String(r.score).padStart(3)} ${r.listingId.padEnd(30)} ${r.reasons.map((x) => x.text).join(' | ')}`,
      );
    }
  }
}
console.log('');
console.log(`Mean NDCG@${CUTOFF}: ${evaluation.meanNdcg.toFixed(3)}`);
if (evaluation.heldOutMeanNdcg !== null) {
  const count = evaluation.profiles.filter((p) => p.heldOut).length;
  console.log(
    `Mean NDCG@${CUTOFF}, ${count} profiles judged after tuning: ${evaluation.heldOutMeanNdcg.toFixed(3)}`,
  );
}
console.log(`Eligibility errors: ${evaluation.eligibilityErrors}`);
console.log(`Judged-relevant listings filtered out: ${evaluation.missedRelevant}`);
if (evaluation.eligibilityErrors > 0) process.exit(1);

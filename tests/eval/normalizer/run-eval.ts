// Prints the normalizer's precision, recall and F1 per field on the labelled postings, and exits 1
// when a target is missed. `npm run eval:normalizer`; add --verbose to list every posting's misses.
import { evaluateNormalizer, missedTargets, TARGETS } from './evaluate-normalizer';

const report = evaluateNormalizer();
const verbose = process.argv.includes('--verbose');
const pct = (n: number) => n.toFixed(3);

console.log(`Normalizer evaluation: ${report.postings} postings\n`);
console.log('field                     P      R      F1     target   (tp/fp/fn)');
for (const f of report.fields) {
  const target = TARGETS[f.field] !== undefined ? `>= ${TARGETS[f.field]}` : '';
  console.log(
    `${f.field.padEnd(24)}  ${pct(f.precision)}  ${pct(f.recall)}  ${pct(f.f1)}  ${target.padEnd(8)} (${f.tp}/${f.fp}/${f.fn})`,
  );
}
console.log(
  `${'pay exactly right'.padEnd(24)}  ${pct(report.payExact)}${' '.repeat(16)}>= ${TARGETS.payExact}`,
);

if (verbose) {
  console.log('\nMisses:');
  for (const result of report.results) {
    for (const miss of result.misses) {
      console.log(
        `  ${result.name}  ${miss.field}: missing ${JSON.stringify(miss.missing)} extra ${JSON.stringify(miss.extra)}`,
      );
    }
  }
}

const missed = missedTargets(report);
if (missed.length > 0) {
  console.log(`\nBelow target:\n  ${missed.join('\n  ')}`);
  process.exit(1);
}
console.log('\nAll targets met.');

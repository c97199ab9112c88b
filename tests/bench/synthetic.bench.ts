// How fast the synthetic listings generator streams, so the search benchmark's setup cost at a million
// listings stays seconds. CPU time of this process (user + system), not wall time: on a shared machine
// the wall clock also counts the time other processes held the cores. Best of five rounds.
// `npm run bench:synthetic` (BENCH_COUNT sets how many listings per round; default 100,000).
import { cpus } from 'node:os';
import { generateListings } from '../support/synthetic-listings';

const COUNT = Number(process.env.BENCH_COUNT ?? 100_000);
const ROUNDS = 5;

function round(seed: number): { ms: number; count: number } {
  const started = process.cpuUsage();
  let count = 0;
  for (const _ of generateListings(seed, COUNT)) count++;
  const used = process.cpuUsage(started);
  return { ms: (used.user + used.system) / 1000, count };
}

const times: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const { ms, count } = round(i + 1);
  if (count !== COUNT) throw new Error(`generated ${count} listings, expected ${COUNT}`);
  times.push(ms);
}
const best = Math.min(...times);
console.log(`cpu: ${cpus()[0]?.model ?? 'unknown'}`);
console.log(
  `synthetic listings: ${COUNT.toLocaleString('en-US')} in ${best.toFixed(0)} ms CPU (best of ${ROUNDS}; ` +
    `${Math.round(COUNT / (best / 1000)).toLocaleString('en-US')} listings/s); rounds ${times.map((t) => t.toFixed(0)).join(', ')} ms`,
);

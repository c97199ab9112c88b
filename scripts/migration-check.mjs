// Fails when the entities and the committed migrations drift apart (run in the test command, so CI).
// Expects a fresh build in dist/.
import { execFileSync } from 'node:child_process';
import { withScratchDatabase } from './scratch-database.mjs';

await withScratchDatabase(async (url) => {
  const env = { ...process.env, DATABASE_URL: url };
  const cli = ['node_modules/typeorm/cli.js', '-d', 'dist/libs/persistence/src/data-source.js'];
  execFileSync('node', [...cli, 'migration:run'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  try {
    execFileSync('node', [...cli, 'migration:generate', '--check', '--dryrun', 'dist/drift-check'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
    });
  } catch (err) {
    console.error('Entities and migrations have drifted; run npm run migration:generate -- <Name>.');
    console.error(String(err.stdout ?? ''));
    process.exit(1);
  }
});
console.log('migrations: entities and committed migrations agree');

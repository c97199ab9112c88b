// Usage: npm run migration:generate -- <Name>
// Builds first, then writes libs/persistence/src/migrations/<timestamp>-<Name>.ts from the entity diff.
import { execFileSync } from 'node:child_process';
import { withScratchDatabase } from './scratch-database.mjs';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('usage: npm run migration:generate -- <PascalCaseName>');
  process.exit(2);
}
execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
await withScratchDatabase(async (url) => {
  const env = { ...process.env, DATABASE_URL: url };
  const cli = ['node_modules/typeorm/cli.js', '-d', 'dist/libs/persistence/src/data-source.js'];
  execFileSync('node', [...cli, 'migration:run'], { stdio: 'inherit', env });
  execFileSync(
    'node',
    [...cli, 'migration:generate', '--pretty', `libs/persistence/src/migrations/${name}`],
    {
      stdio: 'inherit',
      env,
    },
  );
});
console.log('Now add the new class to libs/persistence/src/migrations/index.ts, read it, and commit it.');

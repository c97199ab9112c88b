// After every suite: stops the embedded PostgreSQL the global setup started, if any, and removes its folder.
import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const server = globalThis.__EMBEDDED_TEST_SERVER__;
  if (!server) return;
  await server.stop();
  rmSync(server.dataDir, { recursive: true, force: true });
}

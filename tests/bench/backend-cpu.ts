// CPU time of the Postgres backends serving a benchmark's database, read from /proc (the server is
// local): it moves far less with other people's load on a shared machine than wall time does.
import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';

/** CPU seconds so far of each backend serving this database (Linux /proc; clock ticks of 1/100 s). */
export async function backendCpu(ds: DataSource): Promise<Map<number, number>> {
  const rows: { pid: number }[] = await ds.query(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database()',
  );
  const out = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      out.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // A backend that ended meanwhile.
    }
  }
  return out;
}

/** CPU seconds the database's backends used since `before` (backends that started since count whole). */
export async function backendSecondsSince(ds: DataSource, before: Map<number, number>): Promise<number> {
  let seconds = 0;
  for (const [pid, now] of await backendCpu(ds)) seconds += now - (before.get(pid) ?? 0);
  return seconds;
}

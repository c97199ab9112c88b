import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';

// CPU time of a phase: this process, plus the Postgres backends serving its database (read from
// /proc, so it counts only on this machine). The machine is shared: CPU time moves less with the
// others' load than wall time does.

const TICKS_PER_SECOND = 100;

function backendTicks(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

export interface CpuSample {
  nodeMs: number;
  pg: Map<number, number>;
}

export interface CpuSpent {
  nodeMs: number;
  pgMs: number;
}

export class CpuMeter {
  constructor(private readonly ds: DataSource) {}

  private async backends(): Promise<number[]> {
    const rows: Array<{ pid: number }> = await this.ds.query(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database()`,
    );
    return rows.map((r) => r.pid);
  }

  async sample(): Promise<CpuSample> {
    const { user, system } = process.cpuUsage();
    const pg = new Map<number, number>();
    for (const pid of await this.backends()) pg.set(pid, backendTicks(pid));
    return { nodeMs: (user + system) / 1000, pg };
  }

  async since(start: CpuSample): Promise<CpuSpent> {
    const end = await this.sample();
    let ticks = 0;
    for (const [pid, t] of end.pg) ticks += t - (start.pg.get(pid) ?? 0);
    return { nodeMs: end.nodeMs - start.nodeMs, pgMs: (ticks * 1000) / TICKS_PER_SECOND };
  }
}

/** "node 12.3 s + postgres 4.5 s CPU, 1.6 s per 1,000" */
export function describeCpu(spent: CpuSpent, items: number): string {
  const total = spent.nodeMs + spent.pgMs;
  const per = items > 0 ? (total / items) * 1000 : 0;
  return `CPU node ${(spent.nodeMs / 1000).toFixed(1)} s + postgres ${(spent.pgMs / 1000).toFixed(1)} s, ${(per / 1000).toFixed(2)} s per 1,000`;
}

export function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

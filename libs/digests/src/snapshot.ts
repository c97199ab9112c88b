// Watermarks are PostgreSQL snapshots (pg_snapshot text, "xmin:xmax:xip,xip"). A transaction is
// visible in a snapshot when it had committed when the snapshot was taken: below xmin, or below xmax
// and not in the in-progress list. The same rule as pg_visible_in_snapshot, so the compose step can
// decide "new since the last digest" for many subscriptions from one read.

export interface Snapshot {
  xmin: bigint;
  xmax: bigint;
  inProgress: ReadonlySet<bigint>;
}

const SNAPSHOT = /^(\d+):(\d+):([\d,]*)$/;

export function parseSnapshot(text: string): Snapshot {
  const m = SNAPSHOT.exec(text);
  if (!m) throw new Error(`not a pg_snapshot: ${JSON.stringify(text.slice(0, 40))}`);
  const inProgress = new Set(m[3] ? m[3].split(',').map((x) => BigInt(x)) : []);
  return { xmin: BigInt(m[1]), xmax: BigInt(m[2]), inProgress };
}

export function visibleIn(xid: bigint, s: Snapshot): boolean {
  return xid < s.xmin || (xid < s.xmax && !s.inProgress.has(xid));
}

import type { SourceAdapter } from './source-adapter';
import { ashbyAdapter } from './adapters/ashby';
import { greenhouseAdapter } from './adapters/greenhouse';
import { himalayasAdapter } from './adapters/himalayas';
import { htmlAdapter } from './adapters/html';
import { jsonldAdapter } from './adapters/jsonld';
import { leverAdapter } from './adapters/lever';
import { rssAdapter } from './adapters/rss';
import { smartrecruitersAdapter } from './adapters/smartrecruiters';
import { usajobsAdapter } from './adapters/usajobs';
import { workdayAdapter } from './adapters/workday';

// Adding a source kind: one folder under adapters/ and one entry here. Each adapter validates its own
// config type, so the list holds them with their config type erased.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const adapters: SourceAdapter<any>[] = [
  greenhouseAdapter,
  leverAdapter,
  smartrecruitersAdapter,
  ashbyAdapter,
  workdayAdapter,
  usajobsAdapter,
  himalayasAdapter,
  jsonldAdapter,
  rssAdapter,
  htmlAdapter,
];

const byKind = new Map(adapters.map((a) => [a.kind, a]));

export const SOURCE_KINDS = adapters.map((a) => a.kind);

export class UnknownAdapterError extends Error {
  constructor(readonly kind: string) {
    super(`Unknown source kind "${kind}"; known kinds: ${SOURCE_KINDS.join(', ')}`);
  }
}

export function getAdapter(kind: string): SourceAdapter<unknown> {
  const adapter = byKind.get(kind);
  if (!adapter) throw new UnknownAdapterError(kind);
  return adapter;
}

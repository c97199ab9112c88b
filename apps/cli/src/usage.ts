// What `help` prints, apart from the commands themselves, so answering it loads none of them (the
// commands bring in the database, queue and normalizer libraries, seconds of loading).
/** The source kinds `parse` reads, as the adapter registry lists them (usage.spec.ts keeps them equal). */
export const PARSE_KINDS = [
  'greenhouse',
  'lever',
  'smartrecruiters',
  'ashby',
  'workday',
  'usajobs',
  'himalayas',
  'jsonld',
  'rss',
  'html',
];

export const INGEST_USAGE = `ingest <sourceId> | ingest --all
  Runs now, in this process, with progress on stderr and a summary per source on stdout.`;

export const NORMALIZE_USAGE = `normalize [--format text|html|json] FILE...
  Prints one JSON object per file, one per line, in input order (format detected when not given).
  Text files may be Markdown and may open with YAML (---) or TOML (+++) front matter.`;

export const PARSE_USAGE = `parse --adapter <kind> [--config '<json>'] <file>
  Reads a saved payload of a source (a list response or a single posting) and prints one normalized
  listing per line as JSON. Touches no database. Without --config, the kind's defaults apply (html
  needs its selectors). Entries of a list page that only indexes detail pages (workday,
  smartrecruiters) print with "summary": true. Kinds: ${PARSE_KINDS.join(', ')}.`;

export const SOURCES_USAGE = `sources import <file>   Create or update sources from a YAML or JSON list (validated first)
sources list            Every source with its health`;

export const DIGESTS_USAGE = `digests suppress [--complaint] <email>...   Hard bounce (or complaint): nothing more to the address
digests unsuppress <email>                   Lift a suppression
digests status                               Outbox counts by status`;

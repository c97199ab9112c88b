// Each adapter by itself, for the source suites (the public entry #sources hands them out by kind).
export { ashbyAdapter } from '../src/adapters/ashby';
export { greenhouseAdapter } from '../src/adapters/greenhouse';
export { himalayasAdapter } from '../src/adapters/himalayas';
export { htmlAdapter } from '../src/adapters/html';
export { jsonldAdapter } from '../src/adapters/jsonld';
export { leverAdapter } from '../src/adapters/lever';
export { rssAdapter } from '../src/adapters/rss';
export { smartrecruitersAdapter } from '../src/adapters/smartrecruiters';
export { usajobsAdapter } from '../src/adapters/usajobs';
export { workdayAdapter } from '../src/adapters/workday';
export { UsajobsApiKeyMissingError } from '../src/adapters/usajobs/usajobs.fetch';

import { Layout } from '../kit/layout';
import type { Viewer } from '../kit/viewer';
import { ListingCardItem } from './listing-card';
import type { SearchResult } from './jobs.page';
import type { Landing } from './landing-pages';
import { searchHref } from './search-params';
import { formatCount } from '../kit/format';

/** A fixed search with its own address and words: for search engines and the home page's links. */
export function LandingPage(props: {
  viewer: Viewer;
  now: Date;
  landing: Landing;
  canonical: string;
  result: SearchResult;
}) {
  const { landing, result } = props;
  const refine = searchHref(landing.params);
  return (
    <Layout
      title={landing.title}
      description={`${result.total} open ${landing.title.toLowerCase()}. ${landing.intro}`}
      canonical={props.canonical}
      section="jobs"
      viewer={props.viewer}
    >
      <h1>{landing.title}</h1>
      <p>{landing.intro}</p>
      <p class="result-count">
        {formatCount(result.total)} open {result.total === 1 ? 'job' : 'jobs'}
      </p>
      {result.items.length === 0 ? (
        <p class="notice">
          None open right now. <a href="/jobs">Search all jobs</a>.
        </p>
      ) : (
        <ol class="results">
          {result.items.map((l) => (
            <ListingCardItem listing={l} now={props.now} />
          ))}
        </ol>
      )}
      <p class="actions">
        <a class="button" href={refine}>
          {result.total > result.items.length
            ? `See all ${result.total} and filter them`
            : 'Filter these jobs'}
        </a>
      </p>
    </Layout>
  );
}

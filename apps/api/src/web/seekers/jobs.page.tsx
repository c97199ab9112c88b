import type { ListingView, SearchFacets } from '#search';
import { RemovableChips } from '../kit/components/chips';
import {
  ErrorSummary,
  SelectField,
  TextField,
  type FieldErrors,
  type SummaryError,
} from '../kit/components/form-fields';
import { PrerenderedHtml } from '../kit/components/prerendered-html';
import { formatCount } from '../kit/format';
import { Layout } from '../kit/layout';
import type { Viewer } from '../kit/viewer';
import { Filters, filtersHtml } from './job-filters';
import { ListingCardItem } from './listing-card';
import {
  activeFilters,
  capitalize,
  describeSearch,
  MAX_BACK,
  searchHref,
  without,
  type SearchParams,
} from './search-params';

export const PAGE_SIZE = 20;

export interface SearchResult {
  items: ListingView[];
  nextCursor: string | null;
  correctedQuery?: string;
  facets?: SearchFacets;
  total: number;
}

export interface JobsPageProps {
  viewer: Viewer;
  now: Date;
  params: SearchParams;
  page: number;
  /** This page's cursor and the earlier pages' ones (see PageExtra), absent on page 1. */
  cursor?: string;
  back?: string[];
  literal: boolean;
  /** The search box's words when they were read as filters. */
  readFrom?: string;
  result: SearchResult | null;
  errors: SummaryError[];
  fieldErrors: FieldErrors;
  canonical: string;
}

function Pager(props: {
  params: SearchParams;
  page: number;
  cursor?: string;
  back: string[];
  nextCursor: string | null;
  total: number;
  literal: boolean;
}) {
  const { params, page, literal, back } = props;
  const pages = Math.max(1, Math.ceil(props.total / PAGE_SIZE));
  if (pages === 1 && page === 1) return null;
  // Page 2's previous page is page 1, which has no cursor; further back, the last kept cursor. When
  // the kept cursors ran out (a very long walk), "Previous" would land on the wrong page: offer the
  // first page instead.
  const lost = page > 2 && back.length === 0;
  return (
    <nav class="pager" aria-label="Pages of results">
      {page === 1 ? (
        <span />
      ) : lost ? (
        <a href={searchHref(params, { literal })}>← First page</a>
      ) : (
        <a
          href={searchHref(params, {
            cursor: page > 2 ? back[back.length - 1] : undefined,
            back: back.slice(0, -1),
            page: page - 1,
            literal,
          })}
          rel="prev"
        >
          ← Previous page
        </a>
      )}
      <span>
        Page {page} of {Math.max(pages, page)}
      </span>
      {props.nextCursor ? (
        <a
          href={searchHref(params, {
            cursor: props.nextCursor,
            back: props.cursor ? [...back, props.cursor].slice(-MAX_BACK) : [],
            page: page + 1,
            literal,
          })}
          rel="next"
        >
          Next page →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** The results column: what was searched, how many, chips, the list and the pager. */
export function Results(props: JobsPageProps) {
  const { params, result, literal } = props;
  const chips = activeFilters(params).map((f) => ({
    label: f.label,
    removeHref: searchHref(without(params, f.field, f.value), { literal }),
  }));
  return (
    <div id="search-results" class="search-results">
      {props.readFrom && (
        <p class="notice">
          Showing {describeSearch(params)}, read from your words “{props.readFrom}”.{' '}
          <a href={searchHref({ q: props.readFrom }, { literal: true })}>
            Search all text for “{props.readFrom}” instead
          </a>
        </p>
      )}
      {result?.correctedQuery && (
        <p class="notice">Few jobs matched, so this shows results for “{result.correctedQuery}”.</p>
      )}
      <div class="results-head">
        <p class="result-count" id="result-count" role="status">
          {result ? `${formatCount(result.total)} ${result.total === 1 ? 'job' : 'jobs'}` : 'No results'}
        </p>
        <SelectField
          name="sort"
          label="Sort by"
          value={params.sort ?? (params.q ? 'relevance' : 'newest')}
          options={[
            ...(params.q ? [{ value: 'relevance', label: 'Best match' }] : []),
            { value: 'newest', label: 'Newest' },
            { value: 'pay', label: 'Highest pay' },
          ]}
          error={props.fieldErrors.sort}
        />
      </div>
      {result && (
        <p class="digest-offer">
          <a href={searchHref(params, {}, '/digests/new')}>E-mail me new jobs like these</a>
        </p>
      )}
      <RemovableChips chips={chips} label="Filters in use" />
      {result && result.items.length === 0 && (
        <div class="notice">
          <p>No open jobs match all of these filters.</p>
          <p>
            Remove a filter above, or <a href="/jobs">start a new search</a>.
          </p>
        </div>
      )}
      {result && result.items.length > 0 && (
        <ol class="results">
          {result.items.map((l) => (
            <ListingCardItem listing={l} now={props.now} />
          ))}
        </ol>
      )}
      {result && (
        <Pager
          params={params}
          page={props.page}
          cursor={props.cursor}
          back={props.back ?? []}
          nextCursor={result.nextCursor}
          total={result.total}
          literal={literal}
        />
      )}
    </div>
  );
}

/** /jobs: the search box, the filters as one form, and the results. Works without JavaScript. */
export function JobsPage(props: JobsPageProps) {
  const { params } = props;
  const filtered = activeFilters(params).length > 0;
  const heading = filtered ? capitalize(describeSearch(params)) : 'Medical coding and billing jobs';
  return (
    <Layout
      title={props.page > 1 ? `${heading} (page ${props.page})` : heading}
      description="Search medical coding and billing jobs by credential, specialty, remote state rules and pay."
      canonical={props.canonical}
      noindex={filtered || props.page > 1 || props.errors.length > 0}
      section="jobs"
      viewer={props.viewer}
    >
      <h1>{heading}</h1>
      <ErrorSummary errors={props.errors} />
      <form
        id="search-form"
        class="search-form"
        method="get"
        action="/jobs"
        hx-get="/jobs"
        hx-trigger="change, submit"
        hx-target="#main"
        hx-select="#main"
        hx-swap="outerMorph"
        hx-push-url="true"
      >
        <div class="search-box" role="search">
          <TextField
            name="q"
            type="search"
            label="Keywords"
            hint="Try “CPC remote inpatient Texas”: credentials, specialties, work mode and states become filters."
            value={params.q}
            maxLength={200}
            error={props.fieldErrors.q}
          />
          <button type="submit">Search</button>
        </div>
        {props.literal && params.q && (
          <div class="field choice choice--single">
            <input type="checkbox" id="f-literal" name="literal" value="1" checked />
            <label for="f-literal">Search these words as text only</label>
          </div>
        )}
        <div class="search-layout">
          {props.result?.facets && props.errors.length === 0 ? (
            <PrerenderedHtml html={filtersHtml(params, props.result.facets)} />
          ) : (
            <Filters
              params={params}
              facets={props.result?.facets}
              errors={props.fieldErrors}
              open={props.errors.length > 0}
            />
          )}
          <Results {...props} />
        </div>
      </form>
    </Layout>
  );
}

import {
  CREDENTIALS,
  EMPLOYMENT_TYPE_NAMES,
  EMPLOYMENT_TYPES,
  ROLE_NAMES,
  ROLES,
  SPECIALTIES,
  SPECIALTY_NAMES,
  WORK_MODE_NAMES,
  type EmploymentType,
  type Role,
  type Specialty,
} from '#taxonomy';
import { renderToString } from 'preact-render-to-string';
import type { FacetCount, ListingView, SearchFacets } from '#search';
import { RemovableChips } from '../kit/components/chips';
import {
  CheckboxGroup,
  ErrorSummary,
  SelectField,
  TextField,
  stateOptions,
  type FieldErrors,
  type Option,
  type SummaryError,
} from '../kit/components/form-fields';
import { PrerenderedHtml } from '../kit/components/prerendered-html';
import { Layout } from '../kit/layout';
import type { Viewer } from '../kit/viewer';
import { ListingCard } from './listing-card';
import {
  activeFilters,
  capitalize,
  describeSearch,
  searchHref,
  without,
  type MultiField,
  type SearchParams,
} from './search-params';
import { formatCount } from '../kit/format';

export const PAGE_SIZE = 20;
/** Choices shown before "More ...": the ones with most jobs, and any already chosen. */
const FIRST_CHOICES = 8;

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
  literal: boolean;
  /** The search box's words when they were read as filters. */
  readFrom?: string;
  result: SearchResult | null;
  errors: SummaryError[];
  fieldErrors: FieldErrors;
  canonical: string;
}

const RADII = ['10', '25', '50', '100'];
const POSTED = [
  ['1', 'Last 24 hours'],
  ['3', 'Last 3 days'],
  ['7', 'Last 7 days'],
  ['14', 'Last 14 days'],
  ['30', 'Last 30 days'],
];
const MIN_PAY = [40_000, 50_000, 60_000, 75_000];

function countsOf(facet: FacetCount[] | undefined): Map<string, number> | null {
  return facet ? new Map(facet.map((f) => [f.value, f.count])) : null;
}

/**
 * Options with their counts. Counts are over the current results, so they are shown only while the
 * filter itself is unused (with a value ticked, its others' counts would read 0 though ticking one
 * adds jobs).
 */
function options(
  values: readonly string[],
  label: (v: string) => string,
  facet: FacetCount[] | undefined,
  chosen: readonly string[],
): Option[] {
  const counts = chosen.length === 0 ? countsOf(facet) : null;
  // A choice that would find nothing is left out, unless it is the one chosen.
  return values
    .filter((v) => !counts || (counts.get(v) ?? 0) > 0 || chosen.includes(v))
    .map((v) => ({ value: v, label: label(v), count: counts ? (counts.get(v) ?? 0) : undefined }));
}

/** The busiest choices first; the rest folded away. Without counts, the vocabulary's order. */
function split(all: Option[], facet: FacetCount[] | undefined, chosen: readonly string[]) {
  const counts = countsOf(facet);
  const ranked = counts
    ? [...all].sort((a, b) => (counts.get(b.value) ?? 0) - (counts.get(a.value) ?? 0))
    : all;
  const shown = ranked.filter((o, i) => i < FIRST_CHOICES || chosen.includes(o.value));
  const rest = ranked.filter((o) => !shown.includes(o) && (!counts || (counts.get(o.value) ?? 0) > 0));
  return { shown, rest };
}

function payOptions(facets: SearchFacets | undefined, chosen: string | undefined): Option[] {
  const bands = facets?.pay;
  const atLeast = (min: number) =>
    bands
      ?.filter((b) => ['40k_50k', '50k_60k', '60k_75k', '75k_plus'].includes(b.value))
      .filter((b) => Number(b.value.replace(/k.*/, '')) * 1000 >= min)
      .reduce((sum, b) => sum + b.count, 0);
  return [
    { value: '', label: 'Any pay' },
    ...MIN_PAY.map((min) => {
      const count = chosen ? undefined : atLeast(min);
      return {
        value: String(min),
        label: `$${formatCount(min)} a year or more${count !== undefined ? ` (${formatCount(count)})` : ''}`,
      };
    }),
  ];
}

function MultiChoice(props: {
  field: MultiField;
  legend: string;
  all: Option[];
  facet: FacetCount[] | undefined;
  chosen: readonly string[];
  more: string;
  error?: string;
}) {
  const { shown, rest } = split(props.all, props.facet, props.chosen);
  return (
    <>
      <CheckboxGroup
        name={props.field}
        label={props.legend}
        options={shown}
        checked={props.chosen}
        error={props.error}
      />
      {rest.length > 0 && (
        <details class="more-choices">
          <summary>{props.more}</summary>
          <CheckboxGroup
            name={props.field}
            id={`f-${props.field}-more`}
            label={<span class="visually-hidden">{props.more}</span>}
            options={rest}
            checked={props.chosen}
          />
        </details>
      )}
    </>
  );
}

/** Folded on small screens unless a filter needs fixing; always shown beside the results on wide ones. */
function Filters(props: { params: SearchParams; facets?: SearchFacets; errors: FieldErrors; open: boolean }) {
  const { params, facets, errors } = props;
  const active = activeFilters(params).length;
  const chosen = (f: MultiField) => params[f] ?? [];
  return (
    <details class="filters" open={props.open}>
      <summary>Filters{active > 0 ? ` (${active} in use)` : ''}</summary>
      <CheckboxGroup
        name="workMode"
        label="Work mode"
        options={options(
          ['remote', 'hybrid', 'onsite'],
          (v) => WORK_MODE_NAMES[v as 'remote'],
          facets?.workMode,
          chosen('workMode'),
        )}
        checked={chosen('workMode')}
        error={errors.workMode}
      />
      <SelectField
        name="remoteEligibleFor"
        label="Remote jobs open to residents of"
        hint="Applies each listing's own list of allowed or excluded states."
        value={params.remoteEligibleFor}
        options={stateOptions('Any state')}
        error={errors.remoteEligibleFor}
      />
      <MultiChoice
        field="role"
        legend="Role"
        all={options(
          ROLES.filter((r) => r !== 'other'),
          (v) => ROLE_NAMES[v as Role],
          facets?.role,
          chosen('role'),
        )}
        facet={facets?.role}
        chosen={chosen('role')}
        more="More roles"
        error={errors.role}
      />
      <MultiChoice
        field="credential"
        legend="Credential asked for"
        all={options(CREDENTIALS, (v) => v, facets?.credential, chosen('credential'))}
        facet={facets?.credential}
        chosen={chosen('credential')}
        more="More credentials"
        error={errors.credential}
      />
      <MultiChoice
        field="specialty"
        legend="Specialty or setting"
        all={options(
          SPECIALTIES,
          (v) => SPECIALTY_NAMES[v as Specialty],
          facets?.specialty,
          chosen('specialty'),
        )}
        facet={facets?.specialty}
        chosen={chosen('specialty')}
        more="More specialties"
        error={errors.specialty}
      />
      <TextField
        name="near"
        label="Near (ZIP code or City, ST)"
        value={params.near}
        autoComplete="postal-code"
        width="medium"
        maxLength={60}
        error={errors.near}
      />
      <SelectField
        name="radiusMiles"
        label="Within"
        value={params.radiusMiles ?? '25'}
        options={RADII.map((r) => ({ value: r, label: `${r} miles` }))}
        error={errors.radiusMiles}
      />
      <SelectField
        name="state"
        label="Located in"
        value={params.state?.[0]}
        options={stateOptions('Any state')}
        error={errors.state}
      />
      <SelectField
        name="minPay"
        label="Minimum pay"
        hint="Hourly pay is counted at 2,080 hours a year."
        value={params.minPay}
        options={payOptions(facets, params.minPay)}
        error={errors.minPay}
      />
      <CheckboxGroup
        name="employmentType"
        label="Employment type"
        options={options(
          EMPLOYMENT_TYPES.filter((t) => t !== 'unknown'),
          (v) => EMPLOYMENT_TYPE_NAMES[v as EmploymentType],
          facets?.employmentType,
          chosen('employmentType'),
        )}
        checked={chosen('employmentType')}
        error={errors.employmentType}
      />
      <SelectField
        name="postedWithinDays"
        label="Posted"
        value={params.postedWithinDays}
        options={[{ value: '', label: 'Any time' }, ...POSTED.map(([value, label]) => ({ value, label }))]}
        error={errors.postedWithinDays}
      />
      <button type="submit">Apply filters</button>
    </details>
  );
}

/**
 * The filter form is a function of the filters and their counts, and the counts are cached a minute
 * per filter set (FacetCache): its HTML is kept with them, so paging, sorting and the same search again
 * reuse it instead of rendering some hundreds of choices each time (half a page's render).
 */
const renderedFilters = new WeakMap<SearchFacets, Map<string, string>>();

function filtersHtml(params: SearchParams, facets: SearchFacets): string {
  const { sort: _sort, ...filters } = params;
  const key = searchHref(filters);
  let byParams = renderedFilters.get(facets);
  if (!byParams) renderedFilters.set(facets, (byParams = new Map()));
  let html = byParams.get(key);
  if (html === undefined) {
    html = renderToString(<Filters params={params} facets={facets} errors={{}} open={false} />);
    byParams.set(key, html);
  }
  return html;
}

function Pager(props: {
  params: SearchParams;
  page: number;
  nextCursor: string | null;
  total: number;
  literal: boolean;
}) {
  const pages = Math.max(1, Math.ceil(props.total / PAGE_SIZE));
  if (pages === 1 && props.page === 1) return null;
  return (
    <nav class="pager" aria-label="Pages of results">
      {props.page > 1 ? (
        <a href={searchHref(props.params, { literal: props.literal })}>← First page</a>
      ) : (
        <span />
      )}
      <span>
        Page {props.page} of {Math.max(pages, props.page)}
      </span>
      {props.nextCursor ? (
        <a
          href={searchHref(props.params, {
            cursor: props.nextCursor,
            page: props.page + 1,
            literal: props.literal,
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
            <li>
              <ListingCard listing={l} now={props.now} />
            </li>
          ))}
        </ol>
      )}
      {result && (
        <Pager
          params={params}
          page={props.page}
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

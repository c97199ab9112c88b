import { renderToString } from 'preact-render-to-string';
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
import type { FacetCount, SearchFacets } from '#search';
import {
  CheckboxGroup,
  SelectField,
  TextField,
  stateOptions,
  type FieldErrors,
  type Option,
} from '../kit/components/form-fields';
import { formatCount } from '../kit/format';
import { activeFilters, searchHref, type MultiField, type SearchParams } from './search-params';

// The /jobs filter form: the API's filters, each choice with the number of jobs it would find.

/** Choices shown before "More ...": the ones with most jobs, and any already chosen. */
const FIRST_CHOICES = 8;
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
export function Filters(props: {
  params: SearchParams;
  facets?: SearchFacets;
  errors: FieldErrors;
  open: boolean;
}) {
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

export function filtersHtml(params: SearchParams, facets: SearchFacets): string {
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

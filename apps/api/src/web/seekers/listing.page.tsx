import type { ComponentChildren } from 'preact';
import type { ListingView } from '#search';
import { CODING_SYSTEMS } from '#taxonomy';
import { Chip } from '../kit/components/chips';
import { SanitizedHtml } from '../kit/components/sanitized-html';
import { Layout } from '../kit/layout';
import { safeHref } from '../kit/safe-href';
import type { Viewer } from '../kit/viewer';
import type { JsonLd } from '../seo/job-posting-json-ld';
import { ListingCard } from './listing-card';
import {
  ageText,
  credentialChips,
  dateText,
  employmentTypeName,
  payAsWritten,
  payPerYear,
  placesLine,
  roleName,
  specialtyNames,
  workModeLine,
} from './listing-facts';
import { searchHref, type SearchParams } from './search-params';

export interface ListingSource {
  sourceName: string;
  kind: string;
  url: string | null;
  status: string;
  firstSeenAt: Date | string;
  lastSeenAt: Date | string;
}

export type ListingDetail = ListingView & { descriptionHtml: string; sources: ListingSource[] };

const CLOSED_REASONS: Record<string, string> = {
  source_closed: 'the employer marked it closed',
  missing: 'it is no longer on the employer’s job board',
  expired: 'its closing date passed',
  withdrawn: 'it was withdrawn',
  filled: 'the role was filled',
  merged: 'the employer posts it here directly now',
};

const iso = (d: Date | string) => (typeof d === 'string' ? d : d.toISOString());

function Fact(props: { term: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{props.term}</dt>
      <dd>{props.children}</dd>
    </>
  );
}

/** /jobs/:id-slug: the listing as a coder reads it, the description, where it was seen, and Apply. */
export function ListingPage(props: {
  viewer: Viewer;
  now: Date;
  listing: ListingDetail;
  canonical: string;
  jsonLd: JsonLd | null;
  similar: ListingView[];
  similarSearch: SearchParams;
  /** Set for a recruiter's posting: who posted it, and the counted apply address. */
  poster?: { verified: boolean; agency: boolean; applyPath: string | null } | null;
}) {
  const l = props.listing;
  const poster = props.poster ?? null;
  const open = l.status === 'open';
  // The listing's apply address, else the page of a source that still lists it.
  const apply = open
    ? (poster?.applyPath ??
      safeHref(l.url) ??
      l.sources
        .filter((s) => s.status !== 'closed')
        .map((s) => safeHref(s.url))
        .find((u) => u !== null) ??
      null)
    : null;
  const chips = credentialChips(l.certifications);
  const pay = payAsWritten(l.salary);
  const yearly = payPerYear(l.salary);
  const places = placesLine(l);
  const type = employmentTypeName(l.employmentType);
  const systems = CODING_SYSTEMS.filter((s) => l.codingSystems.includes(s));
  const tools = [...l.ehrSystems, ...l.encoderSystems];
  return (
    <Layout
      title={`${l.title}${l.employer ? ` at ${l.employer}` : ''}`}
      description={`${l.title}${l.employer ? `, ${l.employer}` : ''}. ${workModeLine(l)}.${pay ? ` ${pay}.` : ''}`}
      canonical={props.canonical}
      noindex={!open}
      jsonLd={props.jsonLd}
      section="jobs"
      viewer={props.viewer}
    >
      <article class="listing" aria-labelledby="listing-title">
        <p class="meta">
          <a href="/jobs">All jobs</a>
        </p>
        <h1 id="listing-title">{l.title}</h1>
        <p class="meta">{[l.employer ?? 'Employer not named', places].filter(Boolean).join(' · ')}</p>
        {poster && (poster.verified || poster.agency) && (
          <ul class="chips" aria-label="Who posted it">
            {poster.agency && <li class="chip">Staffing agency</li>}
            {poster.verified && !poster.agency && <li class="chip chip--good">Verified employer</li>}
          </ul>
        )}
        {!open && (
          <div class="status-closed" role="note">
            <p>
              <strong>This job is closed</strong>
              {l.closedAt ? ` since ${dateText(l.closedAt)}` : ''}
              {l.closedReason && CLOSED_REASONS[l.closedReason]
                ? `: ${CLOSED_REASONS[l.closedReason]}.`
                : '.'}
            </p>
            <p>
              <a href="#similar">See similar open jobs</a>
            </p>
          </div>
        )}
        {chips.length > 0 && (
          <ul class="chips" aria-label="Credentials">
            {chips.map((c) => (
              <li>
                <Chip tone={c.tone}>{c.text}</Chip>
                {c.names && <span class="visually-hidden"> ({c.names})</span>}
              </li>
            ))}
          </ul>
        )}
        {apply && (
          <p class="actions">
            <a class="button" href={apply} rel="nofollow noopener">
              Apply on the employer’s site
            </a>
            {!apply.startsWith('/') && <span class="meta">Opens {new URL(apply).hostname}</span>}
          </p>
        )}
        <dl class="facts">
          <Fact term="Role">{roleName(l.role)}</Fact>
          {l.specialties.length > 0 && (
            <Fact term="Specialty and setting">{specialtyNames(l.specialties).join(', ')}</Fact>
          )}
          {systems.length > 0 && <Fact term="Code sets">{systems.join(', ')}</Fact>}
          <Fact term="Work mode">{workModeLine(l)}</Fact>
          {places && <Fact term={l.locations.length > 1 ? 'Locations' : 'Location'}>{places}</Fact>}
          <Fact term="Pay">
            {pay ? (
              <>
                {yearly && l.salary?.period !== 'year' ? `About ${yearly}` : pay}
                {yearly && l.salary?.period !== 'year' && <span class="meta"> (as posted: {pay})</span>}
              </>
            ) : (
              'Not stated'
            )}
          </Fact>
          {type && <Fact term="Employment">{type}</Fact>}
          {l.minYearsExperience !== null && (
            <Fact term="Experience">
              {l.minYearsExperience === 0 ? 'No experience required' : `${l.minYearsExperience}+ years`}
            </Fact>
          )}
          {l.education && <Fact term="Education">{l.education}</Fact>}
          {tools.length > 0 && <Fact term="Systems">{tools.join(', ')}</Fact>}
          {l.postedAt && (
            <Fact term="Posted">
              <time dateTime={l.postedAt}>{dateText(l.postedAt)}</time>
            </Fact>
          )}
          <Fact term="First seen">
            <time dateTime={l.firstSeenAt}>{dateText(l.firstSeenAt)}</time>
          </Fact>
          {l.lastSeenAt && (
            <Fact term="Last seen">
              <time dateTime={l.lastSeenAt}>{ageText(l.lastSeenAt, props.now)}</time>
            </Fact>
          )}
          {l.validThrough && (
            <Fact term="Closes">
              <time dateTime={l.validThrough}>{dateText(l.validThrough)}</time>
            </Fact>
          )}
        </dl>
        <section class="description" aria-labelledby="description-title">
          <h2 id="description-title">About the job</h2>
          <SanitizedHtml html={l.descriptionHtml} />
        </section>
        {l.sources.length > 0 && (
          <section aria-labelledby="sources-title">
            <h2 id="sources-title">Where we found it</h2>
            <ul class="sources">
              {l.sources.map((s) => {
                const href = safeHref(s.url);
                return (
                  <li>
                    {href ? (
                      <a href={href} rel="nofollow noopener">
                        {s.sourceName}
                      </a>
                    ) : (
                      s.sourceName
                    )}
                    : first seen <time dateTime={iso(s.firstSeenAt)}>{dateText(iso(s.firstSeenAt))}</time>,
                    last seen <time dateTime={iso(s.lastSeenAt)}>{dateText(iso(s.lastSeenAt))}</time>
                    {s.status === 'closed' ? ' (no longer listed there)' : ''}
                  </li>
                );
              })}
            </ul>
          </section>
        )}
        <p class="meta">
          <a href={`/jobs/${l.id}/report`}>Report this job</a>
        </p>
      </article>
      {!open && (
        <section id="similar" aria-labelledby="similar-title">
          <h2 id="similar-title">Similar open jobs</h2>
          {props.similar.length === 0 ? (
            <p>
              None right now. <a href={searchHref(props.similarSearch)}>Search for more like it</a>.
            </p>
          ) : (
            <>
              <ol class="results">
                {props.similar.map((s) => (
                  <li>
                    <ListingCard listing={s} now={props.now} heading="h3" />
                  </li>
                ))}
              </ol>
              <p>
                <a href={searchHref(props.similarSearch)}>See all similar jobs</a>
              </p>
            </>
          )}
        </section>
      )}
    </Layout>
  );
}

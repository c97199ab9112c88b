import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { ListingView } from '#search';
import { Chip } from '../kit/components/chips';
import { PrerenderedHtml } from '../kit/components/prerendered-html';
import {
  ageText,
  credentialChips,
  employmentTypeName,
  payLine,
  placesLine,
  workModeLine,
} from './listing-facts';
import { listingPath } from './listing-path';

/** The list view's snippet ends mid-word: end it at a word, with an ellipsis. */
function snippetText(snippet: string): string {
  if (snippet.length < 270) return snippet;
  const cut = snippet.lastIndexOf(' ');
  return `${snippet.slice(0, cut > 200 ? cut : snippet.length).replace(/[\s,;:.-]+$/, '')}…`;
}

/** One listing in a list of results or matches: what decides whether to open it. */
export function ListingCard(props: {
  listing: ListingView;
  now: Date;
  heading?: 'h2' | 'h3';
  children?: ComponentChildren;
}) {
  const l = props.listing;
  const Heading = props.heading ?? 'h2';
  const chips = credentialChips(l.certifications);
  const places = l.workMode === 'remote' ? null : placesLine(l);
  const pay = payLine(l.salary);
  const type = employmentTypeName(l.employmentType);
  const age = ageText(l.postedAt ?? l.firstSeenAt, props.now);
  return (
    <article class="result" aria-labelledby={`t-${l.id}`}>
      <Heading id={`t-${l.id}`}>
        <a href={listingPath(l)}>{l.title}</a>
      </Heading>
      <p class="meta">{[l.employer ?? 'Employer not named', places].filter(Boolean).join(' · ')}</p>
      <p class="meta-line">
        <span>{workModeLine(l)}</span>
        {pay && <span>{pay}</span>}
        {type && <span>{type}</span>}
      </p>
      {chips.length > 0 && (
        <ul class="chips" aria-label="Credentials">
          {chips.map((c) => (
            <li>
              <Chip tone={c.tone}>{c.text}</Chip>
            </li>
          ))}
        </ul>
      )}
      {l.snippet && <p>{snippetText(l.snippet)}</p>}
      {age && (
        <p class="meta">
          Posted <time dateTime={l.postedAt ?? l.firstSeenAt}>{age}</time>
        </p>
      )}
      {props.children}
    </article>
  );
}

/**
 * A card's HTML by list view. The search index keeps list views (the same object for a listing until
 * it changes), and their JSON is written once for the API; their cards are rendered once here, and
 * again only when the age they show ("3 days ago") moves, so a results page renders mostly its frame.
 */
const renderedCards = new WeakMap<ListingView, { age: string | null; html: string }>();

/** A list item holding the listing's card, kept with its list view. */
export function ListingCardItem(props: { listing: ListingView; now: Date }) {
  const l = props.listing;
  const age = ageText(l.postedAt ?? l.firstSeenAt, props.now);
  let kept = renderedCards.get(l);
  if (!kept || kept.age !== age) {
    kept = { age, html: renderToString(<ListingCard listing={l} now={props.now} />) };
    renderedCards.set(l, kept);
  }
  return <PrerenderedHtml as="li" html={kept.html} />;
}

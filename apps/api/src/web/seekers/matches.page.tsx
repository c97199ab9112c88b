import type { MatchReason, MissingRequirement } from '#matching';
import type { ListingView } from '#search';
import { STATE_NAMES, type UsState } from '#taxonomy';
import { Layout } from '../kit/layout';
import type { Viewer } from '../kit/viewer';
import { ListingCard } from './listing-card';

export interface MatchItem {
  listing: ListingView;
  score: number;
  eligible: boolean;
  missing: MissingRequirement[];
  reasons: MatchReason[];
}

export interface MatchesPageProps {
  viewer: Viewer;
  now: Date;
  stretch: boolean;
  items: MatchItem[];
  nextHref: string | null;
  warnings: string[];
  /** "CPC, CRC · 4 years · remote only · lives in Texas" */
  profileSummary: string;
  state: UsState;
  offset: number;
}

function Match(props: { item: MatchItem; now: Date; rank: number }) {
  const { item } = props;
  return (
    <ListingCard listing={item.listing} now={props.now}>
      <p>
        <span class={`score${item.eligible ? '' : ' score--stretch'}`}>{item.score} of 100</span>{' '}
        {item.eligible ? `Match ${props.rank}` : 'Stretch: you nearly qualify'}
      </p>
      {!item.eligible && item.missing.length > 0 && (
        <div class="missing">
          <p>
            <strong>What is missing:</strong>
          </p>
          <ul>
            {item.missing.map((m) => (
              <li>{m.text}</li>
            ))}
          </ul>
        </div>
      )}
      {item.reasons.length > 0 && (
        <>
          <p class="visually-hidden">Why this score:</p>
          <ul class="reasons">
            {item.reasons.map((r) => (
              <li class={`reason--${r.effect}`}>
                <span class="visually-hidden">
                  {r.effect === 'positive' ? 'For: ' : r.effect === 'negative' ? 'Against: ' : ''}
                </span>
                {r.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </ListingCard>
  );
}

/** /matches: the profile's matches, best first, each with its reasons; stretch matches on request. */
export function MatchesPage(props: MatchesPageProps) {
  return (
    <Layout title="Your matches" noindex section="matches" viewer={props.viewer}>
      <h1>Your matches</h1>
      <p>
        For your profile: {props.profileSummary}. <a href="/profile">Change it</a>
      </p>
      <p class="digest-offer">
        <a href="/digests/new?profile=1">E-mail me new matches</a>
      </p>
      {props.warnings.map((w) => (
        <p class="notice" role="note">
          {w}
        </p>
      ))}
      <form
        method="get"
        action="/matches"
        class="actions"
        hx-get="/matches"
        hx-trigger="change"
        hx-target="#main"
        hx-select="#main"
        hx-swap="outerMorph"
        hx-push-url="true"
      >
        <div class="choice choice--single">
          <input type="checkbox" id="f-stretch" name="stretch" value="1" checked={props.stretch} />
          <label for="f-stretch">Also show jobs I nearly qualify for, and what is missing</label>
        </div>
        <button type="submit" class="button--secondary">
          Update
        </button>
      </form>
      <p id="result-count" role="status" class="result-count">
        {props.items.length === 0
          ? 'No matches yet'
          : `${props.offset + 1}–${props.offset + props.items.length} of your best matches`}
      </p>
      {props.items.length === 0 ? (
        <div class="notice">
          <p>No open job fits every part of your profile right now. You could:</p>
          <ul>
            {!props.stretch && (
              <li>
                <a href="/matches?stretch=1">see the jobs you nearly qualify for</a>, with what is missing;
              </li>
            )}
            <li>
              <a href="/profile">widen your profile</a> (commute, work mode, pay);
            </li>
            <li>
              <a href={`/jobs?workMode=remote&remoteEligibleFor=${props.state}`}>
                browse remote jobs open to {STATE_NAMES[props.state]} residents
              </a>
              .
            </li>
          </ul>
        </div>
      ) : (
        <ol class="results" start={props.offset + 1}>
          {props.items.map((item, i) => (
            <li>
              <Match item={item} now={props.now} rank={props.offset + i + 1} />
            </li>
          ))}
        </ol>
      )}
      {props.nextHref && (
        <nav class="pager" aria-label="More matches">
          <span />
          <a href={props.nextHref} rel="next">
            More matches →
          </a>
        </nav>
      )}
    </Layout>
  );
}

/** /matches without a profile: what it is and how to start. */
export function NoProfilePage(props: { viewer: Viewer }) {
  return (
    <Layout title="Your matches" noindex section="matches" viewer={props.viewer}>
      <h1>See the jobs you can take</h1>
      <p>
        Build a profile (credentials, specialties, where you live, how you want to work) and we rank the open
        jobs you can take, with the reasons for each.
      </p>
      <p>
        <a class="button" href="/profile">
          Build a profile
        </a>
      </p>
    </Layout>
  );
}

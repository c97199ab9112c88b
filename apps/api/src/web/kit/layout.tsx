import type { ComponentChildren } from 'preact';
import { assetUrl } from './asset-catalog';
import { JsonLdScript } from './components/json-ld-script';
import type { Viewer } from './viewer';
import type { JsonLd } from '../seo/job-posting-json-ld';

export type NavSection = 'home' | 'jobs' | 'matches' | 'profile' | 'recruiters';

export interface LayoutProps {
  /** The page's own title; " | CoderJobs" is added. */
  title: string;
  description?: string;
  /** Absolute URL of the page's one true address. */
  canonical?: string;
  /** Filtered and paged views are left out of search engines' indexes; their links are followed. */
  noindex?: boolean;
  jsonLd?: JsonLd | null;
  section?: NavSection;
  viewer: Viewer;
  children: ComponentChildren;
}

// htmx is configured by this meta element, not by an inline script the CSP would refuse; its
// indicator styles are in site.css instead of a style sheet it would add.
const HTMX_CONFIG = JSON.stringify({ includeIndicatorCSS: false, defaultSettleDelay: 0 });

function NavLink(props: { href: string; current: boolean; children: ComponentChildren }) {
  return (
    <li>
      <a href={props.href} aria-current={props.current ? 'page' : undefined}>
        {props.children}
      </a>
    </li>
  );
}

/** Every page's frame: head, skip link, header with the main navigation, main, footer. */
export function Layout(props: LayoutProps) {
  const { viewer, section } = props;
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} | CoderJobs`}</title>
        {props.description && <meta name="description" content={props.description} />}
        {props.canonical && <link rel="canonical" href={props.canonical} />}
        {props.noindex && <meta name="robots" content="noindex, follow" />}
        <meta name="color-scheme" content="light dark" />
        <meta name="htmx-config" content={HTMX_CONFIG} />
        <link rel="icon" href={assetUrl('icon.svg')} type="image/svg+xml" />
        <link rel="stylesheet" href={assetUrl('site.css')} />
        <script src={assetUrl('htmx.js')} defer />
        {props.jsonLd && <JsonLdScript data={props.jsonLd} />}
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to main content
        </a>
        <header class="site-header">
          <div class="wrap site-header__inner">
            <a class="brand" href="/">
              CoderJobs
            </a>
            <nav aria-label="Main">
              <ul class="nav-list">
                <NavLink href="/jobs" current={section === 'jobs'}>
                  Jobs
                </NavLink>
                {viewer.hasProfile ? (
                  <NavLink href="/matches" current={section === 'matches'}>
                    My matches
                  </NavLink>
                ) : null}
                <NavLink href="/profile" current={section === 'profile'}>
                  {viewer.hasProfile ? 'My profile' : 'Build a profile'}
                </NavLink>
                <NavLink href="/recruiters" current={section === 'recruiters'}>
                  Post jobs
                </NavLink>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" class="wrap" tabIndex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              CoderJobs gathers medical coding and billing jobs from employers' own job boards and reads each
              one the way a coder would: credentials, specialty, remote rules by state, and pay.
            </p>
            <p>
              <a href="/docs">API for developers</a> · <a href="/sitemap.xml">Sitemap</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

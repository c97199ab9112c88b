import { renderDocument } from './html-page';
import { Layout } from './layout';
import { ANONYMOUS } from './viewer';

export interface ErrorDetailView {
  field: string;
  message: string;
}

const TITLES: Record<number, string> = {
  400: 'Check what you asked for',
  401: 'Please sign in',
  403: 'That was not allowed',
  404: 'Page not found',
  409: 'That clashes with something already saved',
  413: 'That was too much to send',
  429: 'Too many requests',
};

/** "query.minPay" -> "minPay": the name a person typed or saw in the address. */
function fieldName(path: string): string {
  return path.replace(/^(query|body|params)\./, '');
}

export function ErrorPage(props: { status: number; message: string; details?: ErrorDetailView[] }) {
  const title = TITLES[props.status] ?? (props.status >= 500 ? 'Something went wrong on our side' : 'Error');
  return (
    <Layout title={title} viewer={ANONYMOUS} noindex>
      <div class="error-page">
        <h1>{title}</h1>
        <p class="error-page__status">Error {props.status}</p>
        {props.status >= 500 ? (
          <p>The problem has been logged. Please try again in a minute.</p>
        ) : props.details && props.details.length > 0 ? (
          <ul class="error-page__details">
            {props.details.map((d) => (
              <li>
                <code>{fieldName(d.field)}</code>: {d.message}
              </li>
            ))}
          </ul>
        ) : (
          <p>{props.message}</p>
        )}
        <ul class="error-page__next">
          <li>
            <a href="/jobs">Search all jobs</a>
          </li>
          <li>
            <a href="/">Go to the home page</a>
          </li>
        </ul>
      </div>
    </Layout>
  );
}

/** Paths answered with pages, so their errors are pages too; the rest are JSON (API, docs, probes). */
export function isPageRequest(url: string): boolean {
  return !/^\/(api|docs|health|metrics)(\/|\?|$)/.test(url);
}

export function renderErrorPage(status: number, message: string, details?: ErrorDetailView[]): string {
  return renderDocument(<ErrorPage status={status} message={message} details={details} />);
}

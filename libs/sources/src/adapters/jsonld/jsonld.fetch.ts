import type { FetchContext, FetchedDocument, FetchOutcome } from '../../source-adapter';
import { tryFetchDocument, type FetchAttempt } from '../shared/web-fetch';
import type { JsonLdConfig } from './jsonld.config';
import { parseSitemap } from './jsonld.sitemap';

/**
 * Fetches the sitemap (following nested indexes) and the job pages it lists, plus any explicit urls.
 *
 * Conditional requests: the entry documents (the sitemap, the explicit urls) are asked with their
 * stored validators. When all of them answer 304 the source is unchanged. When any changed, the
 * unchanged ones are fetched again without validators, because every page must be read for the run
 * to know which postings still exist. Job pages found through the sitemap are always fetched whole;
 * an edit to a page that leaves the sitemap untouched is read on the next run that fetches it.
 */
export async function fetchJsonLd(config: JsonLdConfig, ctx: FetchContext): Promise<FetchOutcome> {
  const explicitUrls = [...new Set(config.urls)];
  const entryUrls = [...(config.sitemapUrl ? [config.sitemapUrl] : []), ...explicitUrls];

  const conditional: FetchAttempt[] = [];
  for (const url of entryUrls) conditional.push(await tryFetchDocument(ctx, { url, conditional: true }));
  const unchanged = conditional.flatMap((a) => (a.ok && a.document.notModified ? [a.document] : []));
  if (unchanged.length === entryUrls.length) {
    return { documents: unchanged, complete: false, notModified: true };
  }

  const entries = new Map<string, FetchAttempt>();
  for (const [i, url] of entryUrls.entries()) {
    const attempt = conditional[i];
    entries.set(
      url,
      attempt.ok && attempt.document.notModified ? await tryFetchDocument(ctx, { url }) : attempt,
    );
  }

  const run = new RunState();
  const pageUrls: string[] = [];
  if (config.sitemapUrl) {
    const sitemap = entries.get(config.sitemapUrl)!;
    run.record(sitemap);
    if (sitemap.ok) pageUrls.push(...(await collectSitemapPages(sitemap.document, config, ctx, run)));
  }
  for (const url of explicitUrls) run.record(entries.get(url)!, { page: true });

  const wanted = pageUrls.filter((url) => !entries.has(url));
  const budget = Math.max(0, config.maxPages - explicitUrls.length);
  if (wanted.length > budget) run.complete = false;
  for (const url of wanted.slice(0, budget)) run.record(await tryFetchDocument(ctx, { url }), { page: true });

  return run.outcome();
}

/** What a run fetched, whether it is complete, and the first failure in case nothing was usable. */
class RunState {
  documents: FetchedDocument[] = [];
  complete = true;
  private pagesOk = 0;
  private pagesTried = 0;
  private firstError: unknown = undefined;

  record(attempt: FetchAttempt, opts: { page?: boolean } = {}): void {
    if (opts.page) this.pagesTried++;
    if (attempt.ok) {
      this.documents.push(attempt.document);
      if (opts.page) this.pagesOk++;
      return;
    }
    this.fail(attempt.error);
  }

  fail(error: unknown): void {
    this.complete = false;
    this.firstError ??= error;
  }

  outcome(): FetchOutcome {
    const nothingUsable = this.documents.length === 0 || (this.pagesTried > 0 && this.pagesOk === 0);
    if (nothingUsable && this.firstError !== undefined) throw this.firstError;
    return { documents: this.documents, complete: this.complete, notModified: false };
  }
}

/**
 * Page URLs listed by a sitemap and the sitemaps it nests, breadth first, matching urlPattern.
 * A malformed root sitemap throws (there is nothing to go on); a child that fails or is malformed
 * makes the run partial. Child sitemaps are read here and not returned as documents.
 */
async function collectSitemapPages(
  root: FetchedDocument,
  config: JsonLdConfig,
  ctx: FetchContext,
  run: RunState,
): Promise<string[]> {
  const pattern = config.urlPattern ? new RegExp(config.urlPattern) : null;
  const pages = new Set<string>();
  const seen = new Set<string>([root.url, config.sitemapUrl ?? root.url]);
  const queue: { url: string; body: string }[] = [{ url: root.url, body: root.body }];
  let sitemapsRead = 1;

  while (queue.length > 0) {
    const { url, body } = queue.shift()!;
    let sitemap;
    try {
      sitemap = parseSitemap(body, url);
    } catch (error) {
      if (url === root.url) throw error;
      run.fail(error);
      continue;
    }
    if (sitemap.kind === 'urlset') {
      for (const { loc } of sitemap.pages) if (!pattern || pattern.test(loc)) pages.add(loc);
      continue;
    }
    for (const { loc } of sitemap.sitemaps) {
      if (seen.has(loc)) continue;
      seen.add(loc);
      if (sitemapsRead >= config.maxSitemaps) {
        run.complete = false;
        break;
      }
      sitemapsRead++;
      const child = await tryFetchDocument(ctx, { url: loc });
      if (child.ok) queue.push({ url: child.document.url, body: child.document.body });
      else run.fail(child.error);
    }
  }
  return [...pages];
}

import { jsonLdScriptText, type JsonLd } from '../../seo/job-posting-json-ld';

/** Structured data for search engines: a data block, not a script the CSP has to allow. */
export function JsonLdScript(props: { data: JsonLd }) {
  return (
    <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScriptText(props.data) }} />
  );
}

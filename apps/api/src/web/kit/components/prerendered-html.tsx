/**
 * HTML that Preact rendered earlier from a component (kept to be sent again), so it was escaped when
 * it was made. Never text from anywhere else: that goes through components, or SanitizedHtml.
 */
export function PrerenderedHtml(props: { html: string; as?: 'div' | 'li' }) {
  return props.as === 'li' ? (
    <li dangerouslySetInnerHTML={{ __html: props.html }} />
  ) : (
    <div class="prerendered" dangerouslySetInnerHTML={{ __html: props.html }} />
  );
}

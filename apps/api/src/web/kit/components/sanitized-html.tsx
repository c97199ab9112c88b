/**
 * HTML just written by the normalizer's sanitizer (libs/normalizer renderDescription): rebuilt from an
 * allow-list of tags with no attributes but checked links, so it is safe to put in as it is. Nothing
 * else may be given to this component.
 */
export function SanitizedHtml(props: { html: string; class?: string }) {
  return <div class={props.class} dangerouslySetInnerHTML={{ __html: props.html }} />;
}

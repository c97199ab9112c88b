import type { ComponentChildren } from 'preact';

export interface ChipLink {
  label: ComponentChildren;
  /** The same page without this filter. */
  removeHref: string;
}

/** Active filters, each a link that removes it. */
export function RemovableChips(props: { chips: ChipLink[]; label: string }) {
  if (props.chips.length === 0) return null;
  return (
    <ul class="chips" aria-label={props.label}>
      {props.chips.map((c) => (
        <li>
          <a class="chip chip--removable" href={c.removeHref}>
            {c.label}
            <span class="visually-hidden"> (remove this filter)</span>
            <span aria-hidden="true" class="chip__x">
              ×
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}

export type ChipTone = 'required' | 'any' | 'preferred' | 'note' | 'good' | 'warn';

export function Chip(props: { tone?: ChipTone; children: ComponentChildren }) {
  return <span class={`chip chip--${props.tone ?? 'note'}`}>{props.children}</span>;
}

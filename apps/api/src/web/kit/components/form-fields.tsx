import type { ComponentChildren } from 'preact';
import { STATE_NAMES, US_STATES } from '#taxonomy';
import { CSRF_FIELD } from '../csrf';
import { formatCount } from '../format';

// Form fields that are labelled, hinted and tied to their error message (aria-describedby,
// aria-invalid), as WCAG 2.1 asks. Ids come from field names, so an error summary can link to the
// field it names.

/** Messages by field name, as the forms name their fields. */
export type FieldErrors = Partial<Record<string, string>>;

export function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

interface FieldBase {
  name: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string;
  /** Overrides the id made from the name (two fields of the same name on one page). */
  id?: string;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function HintAndError(props: { id: string; hint?: ComponentChildren; error?: string }) {
  return (
    <>
      {props.hint && (
        <p class="field-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={`${props.id}-error`}>
          <span class="visually-hidden">Error: </span>
          {props.error}
        </p>
      )}
    </>
  );
}

export function TextField(
  props: FieldBase & {
    value?: string | number | null;
    type?: 'text' | 'search' | 'number' | 'email' | 'url';
    inputMode?: 'numeric' | 'decimal' | 'text' | 'search';
    autoComplete?: string;
    required?: boolean;
    min?: number;
    max?: number;
    step?: number | 'any';
    maxLength?: number;
    pattern?: string;
    width?: 'short' | 'medium';
  },
) {
  const id = props.id ?? fieldId(props.name);
  return (
    <div class={`field${props.error ? ' field--error' : ''}`}>
      <label for={id}>{props.label}</label>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      <input
        id={id}
        name={props.name}
        // Preact types each input type apart; the attributes given here suit all five.
        type={(props.type ?? 'text') as 'text'}
        value={props.value ?? ''}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete}
        required={props.required}
        min={props.min}
        max={props.max}
        step={props.step}
        maxLength={props.maxLength}
        pattern={props.pattern}
        class={props.width ? `input--${props.width}` : undefined}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      />
    </div>
  );
}

export function TextArea(props: FieldBase & { value?: string; rows?: number; maxLength?: number }) {
  const id = props.id ?? fieldId(props.name);
  return (
    <div class={`field${props.error ? ' field--error' : ''}`}>
      <label for={id}>{props.label}</label>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        maxLength={props.maxLength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      >
        {props.value ?? ''}
      </textarea>
    </div>
  );
}

export interface Option {
  value: string;
  label: ComponentChildren;
  /** Shown after the label, e.g. how many jobs the choice would find. */
  count?: number;
}

export function SelectField(props: FieldBase & { value?: string | null; options: Option[] }) {
  const id = props.id ?? fieldId(props.name);
  return (
    <div class={`field${props.error ? ' field--error' : ''}`}>
      <label for={id}>{props.label}</label>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      <select
        id={id}
        name={props.name}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      >
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === (props.value ?? '')}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Every state by name, after a first choice for none ("Any state", "Choose a state"). */
export function stateOptions(none: string): Option[] {
  return [{ value: '', label: none }, ...US_STATES.map((s) => ({ value: s, label: STATE_NAMES[s] }))];
}

function Choices(
  props: FieldBase & {
    type: 'checkbox' | 'radio';
    options: Option[];
    checked: readonly string[];
    compact?: boolean;
  },
) {
  const id = props.id ?? fieldId(props.name);
  return (
    <fieldset
      class={`field choices${props.compact ? ' choices--compact' : ''}${props.error ? ' field--error' : ''}`}
      id={id}
      aria-describedby={describedBy(id, props.hint, props.error)}
    >
      <legend>{props.label}</legend>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      {/* The box inside its label: one element fewer a choice, on forms with dozens. Its id keeps a page
          updated in place (htmx morph) from swapping one box for another under the focus. */}
      {props.options.map((o) => (
        <label class="choice">
          <input
            type={props.type}
            id={`${id}-${o.value}`}
            name={props.name}
            value={o.value}
            checked={props.checked.includes(o.value)}
          />
          <span>
            {o.label}
            {o.count !== undefined && <span class="count"> ({formatCount(o.count)})</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export function CheckboxGroup(
  props: FieldBase & { options: Option[]; checked: readonly string[]; compact?: boolean },
) {
  return <Choices {...props} type="checkbox" />;
}

export function RadioGroup(
  props: FieldBase & { options: Option[]; value: string | null; compact?: boolean },
) {
  return <Choices {...props} type="radio" checked={props.value ? [props.value] : []} />;
}

/** One yes/no box, posted as value "true" when ticked. */
export function Checkbox(props: FieldBase & { checked: boolean }) {
  const id = props.id ?? fieldId(props.name);
  return (
    <div class={`field choice choice--single${props.error ? ' field--error' : ''}`}>
      <input
        type="checkbox"
        id={id}
        name={props.name}
        value="true"
        checked={props.checked}
        aria-describedby={describedBy(id, props.hint, props.error)}
      />
      <label for={id}>{props.label}</label>
      <HintAndError id={id} hint={props.hint} error={props.error} />
    </div>
  );
}

export interface SummaryError {
  /** The form field's name, linked to; none for errors about the whole form. */
  field?: string;
  message: string;
}

/** The errors of a form, listed first and linked to their fields. */
export function ErrorSummary(props: { errors: SummaryError[]; title?: string }) {
  if (props.errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{props.title ?? 'There is a problem'}</h2>
      <ul>
        {props.errors.map((e) => (
          <li>{e.field ? <a href={`#${fieldId(e.field)}`}>{e.message}</a> : e.message}</li>
        ))}
      </ul>
    </div>
  );
}

/** The form token every form that writes carries (see csrf.ts). */
export function CsrfField(props: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={props.token} />;
}

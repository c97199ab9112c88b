import type { ApiError } from '../../http/api-error';
import type { FieldErrors, SummaryError } from './components/form-fields';

/**
 * A validation error's details as a form shows them: each message beside its field and in the
 * summary, linked to the field when the form has one by that name. `fieldOf` maps the error's path
 * ("query.minPay", "body.minPay.amount") to the form's field name, or null when the form has none;
 * `words` may say a message in the form's own words.
 */
export function formErrors(
  err: ApiError,
  fieldOf: (path: string) => string | null,
  words: (message: string) => string = (m) => m,
): { errors: SummaryError[]; fieldErrors: FieldErrors } {
  const errors: SummaryError[] = [];
  const fieldErrors: FieldErrors = {};
  for (const detail of err.details ?? [{ field: '', message: err.message }]) {
    const field = fieldOf(detail.field.replace(/^(query|body|params)\./, ''));
    const message = words(detail.message);
    if (field && !fieldErrors[field]) fieldErrors[field] = message;
    errors.push({ field: field ?? undefined, message });
  }
  return { errors, fieldErrors };
}

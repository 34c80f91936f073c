import { useState, type ReactNode } from 'react';
import type { FormInstance } from 'antd';
import type { FieldProblem } from '../../contracts/errors';
import { ApiError } from '../lib/api';
import { ErrorAlert } from './ErrorAlert';

/** "chair.phone" → ['chair', 'phone']; "tags.2" → ['tags', 2] (antd name paths use numbers for list items). */
function namePath(path: string): (string | number)[] {
  return path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** True when the form has a mounted field at that name path. */
function hasField(values: unknown, path: (string | number)[]): boolean {
  let node = values;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !(key in (node as object))) return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  return true;
}

/**
 * Puts each ApiError field problem on the matching antd Form field (form.setFields) and returns the
 * problems no mounted field could show, for an ErrorAlert.
 */
export function applyFieldErrors(form: FormInstance, error: unknown): FieldProblem[] {
  if (!(error instanceof ApiError)) return [];
  // getFieldsValue() without arguments returns mounted fields only, with undefined values kept as keys.
  const mounted = form.getFieldsValue();
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const rest: FieldProblem[] = [];
  for (const problem of error.fields) {
    const name = namePath(problem.path);
    if (!problem.path || !hasField(mounted, name)) {
      rest.push(problem);
      continue;
    }
    const entry = byField.get(problem.path) ?? { name, errors: [] };
    entry.errors.push(problem.message);
    byField.set(problem.path, entry);
  }
  form.setFields([...byField.values()]);
  return rest;
}

/**
 * Error handling for a form that submits to the API: `onError` puts field problems on the fields, and
 * `alert` shows the message with whatever could not be placed (nothing when all were). `clear` hides it.
 */
export function useFormError(form: FormInstance): { alert: ReactNode; onError: (error: unknown) => void; clear: () => void } {
  const [state, setState] = useState<{ error: unknown; rest: FieldProblem[] } | null>(null);
  return {
    alert: state ? <ErrorAlert error={state.error} fields={state.rest} /> : null,
    onError: (error) => {
      const rest = applyFieldErrors(form, error);
      const isAllOnFields = error instanceof ApiError && error.fields.length > 0 && rest.length === 0;
      // When every problem already shows next to its field, a banner repeating it adds nothing.
      setState(isAllOnFields ? null : { error, rest });
    },
    clear: () => setState(null),
  };
}

import { ERROR_MESSAGES, ERROR_STATUS, type ErrorCode, type FieldProblem } from '../../contracts/errors.js';

/** The one error type services throw; the error handler turns it into the API's error body. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldProblem[];
  readonly headers?: Record<string, string>;
  /** Structured facts the body carries beside the message (e.g. CARE_CAP's `{ violations }`). */
  details?: Record<string, unknown>;

  constructor(code: ErrorCode, message?: string, fields?: FieldProblem[], headers?: Record<string, string>) {
    super(message ?? ERROR_MESSAGES[code]);
    this.code = code;
    this.fields = fields;
    this.headers = headers;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Shorthand for a 400 naming one field. */
export function fieldError(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, [{ path, message }]);
}

/** 409 CARE_CAP: a payment refused by the union's care rules; the message is the first rule, `details.violations` all. */
export function careCapError(violations: { rule: string; message: string }[]): AppError {
  const e = new AppError('CARE_CAP', violations[0]?.message);
  e.details = { violations };
  return e;
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在或无权查看`);
export const forbidden = (message?: string) => new AppError('FORBIDDEN', message);

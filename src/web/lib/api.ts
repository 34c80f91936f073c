import type { ErrorBody, FieldProblem } from '../../contracts/errors';

/** An API error as the UI sees it: the stable code, the Chinese message, and the fields it names. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
    /** Structured facts some codes carry (CARE_CAP: `{ violations }`). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

async function parse<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const isJson = res.headers.get('content-type')?.includes('application/json');
  const body = isJson ? await res.json() : await res.text();
  if (!res.ok) {
    const err = (body as ErrorBody)?.error;
    throw new ApiError(res.status, err?.code ?? 'INTERNAL', err?.message ?? '请求失败，请稍后再试', err?.fields ?? [], err?.details ?? {});
  }
  return body as T;
}

function query(params?: Record<string, unknown>): string {
  if (!params) return '';
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The JSON API under /api/v1, with the session cookie sent along. */
export const api = {
  get: <T>(path: string, params?: Record<string, unknown>) =>
    fetch(`/api/v1${path}${query(params)}`, { credentials: 'same-origin' }).then((r) => parse<T>(r)),
  send: <T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown) =>
    fetch(`/api/v1${path}`, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then((r) => parse<T>(r)),
  /** The URL of a download (export, template) with the given query. */
  url: (path: string, params?: Record<string, unknown>) => `/api/v1${path}${query(params)}`,
};

/**
 * Uploads a file with multipart/form-data and reports upload progress (0–100); XMLHttpRequest because
 * fetch cannot report upload progress.
 */
export function upload<T>(path: string, file: File, onProgress: (percent: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      const res = new Response(xhr.responseText, { status: xhr.status, headers: { 'content-type': xhr.getResponseHeader('content-type') ?? '' } });
      parse<T>(res).then(resolve, reject);
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试'));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

/** Sends a multipart form (a file with other fields) as a POST and reads the answer like every other request. */
export function sendForm<T>(path: string, form: FormData): Promise<T> {
  return fetch(`/api/v1${path}`, { method: 'POST', credentials: 'same-origin', body: form }).then((r) => parse<T>(r));
}

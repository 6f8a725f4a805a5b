// The one fetch wrapper of the web pages: JSON in and out, Accept-Language from the UI language,
// X-CSRF-Token on every write, and the server's error message (already translated) on failure.
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
const csrfCookie = 'linli_csrf';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface HttpSettings {
  getLocale: () => string;
  /** Called when the server answers 401 AUTH_REQUIRED: the session is gone. */
  onUnauthorized: () => void;
  /** Text shown when the server cannot be reached or answers without a JSON error. */
  fallbackMessage: (status: number) => string;
}

const settings: HttpSettings = {
  getLocale: () => 'zh-CN',
  onUnauthorized: () => {},
  fallbackMessage: (status) => (status === 0 ? 'Network error' : `HTTP ${status}`),
};

export function configureHttp(next: Partial<HttpSettings>) {
  Object.assign(settings, next);
}

let memoryCsrfToken = '';
export function setCsrfToken(token: string) {
  memoryCsrfToken = token;
}

function readCookie(name: string) {
  const found = document.cookie.split('; ').find((part) => part.startsWith(`${name}=`));
  return found ? decodeURIComponent(found.slice(name.length + 1)) : '';
}

/** True when this browser holds a login (the session's CSRF cookie is readable; the session cookie is not). */
export const hasSession = () => readCookie(csrfCookie) !== '';

export type Query = Record<string, string | number | boolean | undefined | null>;

/** A list answer: `{ items }`. */
export type Items<T> = { items: T[] };

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Leave a 401 to the caller (the login form, the first "who am I" check). */
  skipAuthRedirect?: boolean;
  /** Extra request headers (e.g. Idempotency-Key on the public report form). */
  headers?: Record<string, string>;
}

function buildUrl(path: string, query?: Query) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ''}`;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    ...options.headers,
    Accept: 'application/json',
    'Accept-Language': settings.getLocale(),
  };
  // A FormData body (file uploads) sets its own multipart Content-Type with the boundary.
  const isForm = typeof FormData !== 'undefined' && options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (!safeMethods.has(method)) {
    // The cookie always belongs to the current session (another tab may have logged in again).
    const token = readCookie(csrfCookie) || memoryCsrfToken;
    if (token) headers['X-CSRF-Token'] = token;
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : isForm ? (options.body as FormData) : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', settings.fallbackMessage(0));
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }

  if (!response.ok) {
    const body = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    const error = new ApiError(
      response.status,
      body?.code ?? `HTTP_${response.status}`,
      body?.message ?? settings.fallbackMessage(response.status),
      body?.details,
    );
    if (response.status === 401 && error.code === 'AUTH_REQUIRED' && !options.skipAuthRedirect)
      settings.onUnauthorized();
    throw error;
  }
  return data as T;
}

/** The file name from a Content-Disposition header (RFC 5987 `filename*` first). */
function fileNameOf(disposition: string | null, fallback: string) {
  if (!disposition) return fallback;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

/**
 * A request that answers with a file (an .xlsx export or template; a PDF made from a POSTed choice);
 * errors are ApiErrors as usual.
 */
export async function download(
  path: string,
  options: { query?: Query; fallbackName: string; signal?: AbortSignal; method?: 'GET' | 'POST'; body?: unknown },
) {
  const headers: Record<string, string> = { 'Accept-Language': settings.getLocale() };
  if (options.method === 'POST') {
    headers['Content-Type'] = 'application/json';
    const token = readCookie(csrfCookie) || memoryCsrfToken;
    if (token) headers['X-CSRF-Token'] = token;
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', settings.fallbackMessage(0));
  }
  if (!response.ok) {
    let body: { error?: { code?: string; message?: string; details?: unknown } } | undefined;
    try {
      body = (await response.json()) as typeof body;
    } catch {
      body = undefined;
    }
    const error = new ApiError(
      response.status,
      body?.error?.code ?? `HTTP_${response.status}`,
      body?.error?.message ?? settings.fallbackMessage(response.status),
      body?.error?.details,
    );
    if (response.status === 401 && error.code === 'AUTH_REQUIRED') settings.onUnauthorized();
    throw error;
  }
  return {
    blob: await response.blob(),
    fileName: fileNameOf(response.headers.get('content-disposition'), options.fallbackName),
  };
}

/** Hands a downloaded file to the browser's "save" (an object URL on a temporary link). */
export function saveFile(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export const http = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  /** multipart/form-data (file uploads) */
  upload: <T>(path: string, form: FormData, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, body: form }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};

/** The message to show for any thrown value. */
export function errorMessage(error: unknown, fallback: string) {
  // An error about one of several people (a dispute's parties) says whom it is about.
  const party =
    error instanceof ApiError && typeof (error.details as { party?: unknown } | undefined)?.party === 'string'
      ? (error.details as { party: string }).party
      : '';
  if (error instanceof ApiError) return party ? `${error.message}（${party}）` : error.message;
  return fallback;
}

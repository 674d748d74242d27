import type { LrsCredentials } from '../../persistence/lrs-credentials';

/**
 * Fetch statements from an LRS through the xAPI Statements API (xAPI 1.0.3 §2.1.3 / 7.2.3):
 * GET statements?activity=…&related_activities=true, following `more` until it is empty. The
 * related activities bring in the answered statements (their object is a node under the
 * scenario's activity, their context parent the activity itself).
 */
export const PAGE_LIMIT = 500;
export const REQUEST_TIMEOUT_MS = 30_000;

export class LrsError extends Error {
  constructor(
    message: string,
    readonly kind: 'auth' | 'forbidden' | 'network' | 'timeout' | 'cancelled' | 'http' | 'format',
  ) {
    super(message);
  }
}

export const basicAuth = (c: Pick<LrsCredentials, 'key' | 'secret'>) =>
  `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${c.key}:${c.secret}`)))}`;

function statementsUrl(endpoint: string, activityId: string): URL {
  const base = endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
  const url = new URL('statements', base);
  url.searchParams.set('activity', activityId);
  url.searchParams.set('related_activities', 'true');
  url.searchParams.set('limit', String(PAGE_LIMIT));
  return url;
}

async function getPage(url: URL, auth: string, signal: AbortSignal, timeoutMs: number): Promise<{ statements: unknown[]; more: string }> {
  const timeout = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Authorization: auth, 'X-Experience-API-Version': '1.0.3', Accept: 'application/json' },
      signal: AbortSignal.any([signal, timeout]),
      credentials: 'omit',
    });
  } catch (error) {
    if (signal.aborted) throw new LrsError('Fetch cancelled. Nothing from this fetch was added.', 'cancelled');
    if (timeout.aborted)
      throw new LrsError(
        `The LRS at ${url.origin} did not answer within ${timeoutMs / 1000} seconds. Nothing from this fetch was added; try again, or check the endpoint.`,
        'timeout',
      );
    void error;
    throw new LrsError(
      `Could not reach the LRS at ${url.origin}. Either the address is wrong or the server is down, or the LRS does not allow this site (${globalThis.location?.origin ?? 'this page'}) to read from it (CORS). Nothing from this fetch was added.`,
      'network',
    );
  }
  if (response.status === 401)
    throw new LrsError('The LRS refused the key and secret (401 Unauthorized). Check them and try again. Nothing was added.', 'auth');
  if (response.status === 403)
    throw new LrsError(
      'The LRS accepted the key but it may not read statements (403 Forbidden). Ask for a key with read access. Nothing was added.',
      'forbidden',
    );
  if (!response.ok)
    throw new LrsError(
      `The LRS answered ${response.status} ${response.statusText} for ${url.pathname}. Nothing from this fetch was added.`,
      'http',
    );
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new LrsError(
      'The LRS answered with something that is not JSON. Is the endpoint the xAPI base (it usually ends in /xAPI/)? Nothing was added.',
      'format',
    );
  }
  const result = body as { statements?: unknown; more?: unknown };
  if (!Array.isArray(result?.statements))
    throw new LrsError('The LRS answer has no "statements" list. Is the endpoint the xAPI base? Nothing was added.', 'format');
  return { statements: result.statements, more: typeof result.more === 'string' ? result.more : '' };
}

export interface FetchProgress {
  readonly statements: number;
  readonly pages: number;
}

export async function fetchStatements(
  credentials: LrsCredentials,
  activityIds: readonly string[],
  opts: { signal: AbortSignal; onProgress?: (p: FetchProgress) => void; timeoutMs?: number },
): Promise<unknown[]> {
  const auth = basicAuth(credentials);
  const all: unknown[] = [];
  let pages = 0;
  for (const activityId of activityIds) {
    let url: URL | undefined = statementsUrl(credentials.endpoint, activityId);
    while (url) {
      const page = await getPage(url, auth, opts.signal, opts.timeoutMs ?? REQUEST_TIMEOUT_MS);
      for (const s of page.statements) all.push(s);
      pages++;
      opts.onProgress?.({ statements: all.length, pages });
      // `more` is relative to the LRS's origin (xAPI 1.0.3 §4.2).
      url = page.more ? new URL(page.more, url) : undefined;
    }
  }
  return all;
}

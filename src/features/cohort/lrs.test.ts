import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { basicAuth, fetchStatements, LrsError } from './lrs';

/** A real HTTP server on loopback standing in for the LRS's Statements API. */
let server: Server | undefined;
async function lrs(handler: (url: URL, auth: string | undefined, res: import('node:http').ServerResponse) => void): Promise<string> {
  server = createServer((req, res) => handler(new URL(req.url ?? '/', 'http://x'), req.headers.authorization, res));
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}/xAPI`;
}
afterEach(
  () =>
    new Promise<void>((r) => {
      server?.closeAllConnections();
      return server ? server.close(() => r()) : r();
    }),
);

const json = (res: import('node:http').ServerResponse, body: unknown) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};
const credentials = (endpoint: string) => ({ endpoint, key: 'kéy', secret: 's:ecret' });

describe('fetching statements from an LRS', () => {
  it('asks for the activity and its related activities, and follows `more` to the end', async () => {
    const seen: string[] = [];
    const endpoint = await lrs((url, auth, res) => {
      seen.push(url.pathname + url.search);
      expect(auth).toBe(basicAuth({ key: 'kéy', secret: 's:ecret' }));
      const page = Number(url.searchParams.get('p') ?? 0);
      json(res, { statements: [{ id: `s${page}a` }, { id: `s${page}b` }], more: page < 2 ? `/xAPI/statements?p=${page + 1}` : '' });
    });
    const progress: number[] = [];
    const out = await fetchStatements(credentials(endpoint), ['https://lms.example.org/au/1'], {
      signal: new AbortController().signal,
      onProgress: (p) => progress.push(p.statements),
    });
    expect(out).toHaveLength(6);
    expect(progress).toEqual([2, 4, 6]);
    expect(seen[0]).toBe('/xAPI/statements?activity=https%3A%2F%2Flms.example.org%2Fau%2F1&related_activities=true&limit=500');
    expect(seen.slice(1)).toEqual(['/xAPI/statements?p=1', '/xAPI/statements?p=2']);
    expect(Buffer.from(basicAuth({ key: 'kéy', secret: 's:ecret' }).slice(6), 'base64').toString('utf8')).toBe('kéy:s:ecret');
  });

  it('says when the LRS does not answer in time', async () => {
    const endpoint = await lrs(() => {
      /* never answers */
    });
    const error = await fetchStatements(credentials(endpoint), ['a:b'], { signal: new AbortController().signal, timeoutMs: 150 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LrsError);
    expect((error as LrsError).kind).toBe('timeout');
    expect((error as Error).message).toContain('did not answer within 0.15 seconds');
  });

  it('stops when cancelled', async () => {
    const endpoint = await lrs(() => {
      /* never answers */
    });
    const controller = new AbortController();
    const pending = fetchStatements(credentials(endpoint), ['a:b'], { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ kind: 'cancelled' });
  });

  it('names 401 and 403 and a body that is not a statement result', async () => {
    for (const [status, kind] of [
      [401, 'auth'],
      [403, 'forbidden'],
      [500, 'http'],
    ] as const) {
      const endpoint = await lrs((_, __, res) => {
        res.writeHead(status);
        res.end();
      });
      await expect(fetchStatements(credentials(endpoint), ['a:b'], { signal: new AbortController().signal })).rejects.toMatchObject({
        kind,
      });
      await new Promise<void>((r) => server!.close(() => r()));
      server = undefined;
    }
    const endpoint = await lrs((_, __, res) => json(res, { hello: 1 }));
    await expect(fetchStatements(credentials(endpoint), ['a:b'], { signal: new AbortController().signal })).rejects.toMatchObject({
      kind: 'format',
    });
  });

  it('says when nothing answers at that address', async () => {
    const endpoint = await lrs(() => {});
    await new Promise<void>((r) => server!.close(() => r()));
    server = undefined;
    await expect(fetchStatements(credentials(endpoint), ['a:b'], { signal: new AbortController().signal })).rejects.toMatchObject({
      kind: 'network',
    });
  });
});

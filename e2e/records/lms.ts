import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { scenarioIri } from '../../src/domain/xapi-iris';
import { freePort, LRS_AUTH } from './lrs';

/**
 * A small LMS stand-in for cmi5 (Node http), in front of the real LRS, which has no State API:
 * - a single-use `fetch` URL per launch that returns an auth token (cmi5 §8.2);
 * - the State API for `LMS.LaunchData` (cmi5 §10);
 * - a proxy for statements to the LRS, checking the launch's token and sending the LMS's own
 *   credentials on, with the CORS headers a real LRS sends.
 * Each launch has its own endpoint (`/l/<key>/xapi/`), so a test can take "the LRS" down or hold
 * a send in flight for its own launch only.
 */
export interface LaunchOptions {
  readonly scenario: string;
  readonly launchMode?: 'Normal' | 'Browse' | 'Review';
  readonly masteryScore?: number;
  readonly returnURL?: string;
  /**
   * The course the assignable unit belongs to (default "catalyst"). The LRS is shared by every
   * test in a worker, so a test that reads statements back by activity id uses a course of its own.
   */
  readonly course?: string;
}

export interface Launch {
  readonly key: string;
  readonly registration: string;
  readonly activityId: string;
  readonly actor: { objectType: 'Agent'; name: string; account: { homePage: string; name: string } };
  readonly endpoint: string;
  readonly fetchUrl: string;
  /** The query string the LMS appends to the AU's URL. */
  readonly query: string;
}

interface LaunchState {
  readonly launch: Launch;
  readonly data: Record<string, unknown>;
  readonly tokens: Set<string>;
  readonly unusedFetch: Set<string>;
  down: boolean;
  hold: boolean;
  held: ServerResponse[];
  fetchCalls: number;
  statementPosts: number;
  /** When the LRS accepted each statement POST (performance.now()), with the verbs it held. */
  accepted: { at: number; verbs: string[] }[];
}

const CORS_HEADERS = 'authorization,content-type,x-experience-api-version';

export class LmsStandIn {
  private readonly launches = new Map<string, LaunchState>();
  private constructor(
    private readonly server: Server,
    readonly origin: string,
    private readonly lrsEndpoint: string,
  ) {}

  static async start(lrsEndpoint: string): Promise<LmsStandIn> {
    const port = await freePort();
    const holder: { lms?: LmsStandIn } = {};
    const server = createServer(
      (req, res) =>
        void holder.lms!.route(req, res).catch((e) => {
          res.writeHead(500).end(String(e));
        }),
    );
    const lms = (holder.lms = new LmsStandIn(server, `http://127.0.0.1:${port}`, lrsEndpoint));
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
    return lms;
  }

  /** Register a cmi5 launch: LaunchData in the State API and a fresh single-use fetch URL. */
  launch(opts: LaunchOptions): Launch {
    const key = randomUUID().slice(0, 8);
    const registration = randomUUID();
    const activityId = `https://lms.example.org/course/${opts.course ?? 'catalyst'}/au/${opts.scenario}`;
    const actor = {
      objectType: 'Agent' as const,
      name: 'Test Learner',
      account: { homePage: 'https://lms.example.org', name: `learner-${key}` },
    };
    const endpoint = `${this.origin}/l/${key}/xapi/`;
    const state: LaunchState = {
      launch: undefined as unknown as Launch,
      data: {
        launchMode: opts.launchMode ?? 'Normal',
        ...(opts.masteryScore !== undefined && { masteryScore: opts.masteryScore }),
        moveOn: 'CompletedAndPassed',
        returnURL: opts.returnURL ?? `${this.origin}/returned`,
        contextTemplate: {
          // The course, and the AU's publisher id from the package's cmi5.xml (cmi5 §9.6.2.3).
          contextActivities: {
            grouping: [{ id: `https://lms.example.org/course/${opts.course ?? 'catalyst'}` }, { id: scenarioIri(opts.scenario) }],
          },
          extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': randomUUID() },
        },
      },
      tokens: new Set(),
      unusedFetch: new Set(),
      down: false,
      hold: false,
      held: [],
      fetchCalls: 0,
      statementPosts: 0,
      accepted: [],
    };
    this.launches.set(key, state);
    const fetchUrl = this.newFetchUrl(key, state);
    const launch: Launch = {
      key,
      registration,
      activityId,
      actor,
      endpoint,
      fetchUrl,
      query: new URLSearchParams({
        scenario: opts.scenario,
        endpoint,
        fetch: fetchUrl,
        actor: JSON.stringify(actor),
        registration,
        activityId,
      }).toString(),
    };
    (state as { launch: Launch }).launch = launch;
    return launch;
  }

  /** The LMS launches the same AU again (a new session): a new fetch URL, same registration. */
  relaunch(key: string): Launch {
    const state = this.state(key);
    const fetchUrl = this.newFetchUrl(key, state);
    const q = new URLSearchParams(state.launch.query);
    q.set('fetch', fetchUrl);
    return { ...state.launch, fetchUrl, query: q.toString() };
  }

  private newFetchUrl(key: string, state: LaunchState): string {
    const id = randomUUID();
    state.unusedFetch.add(id);
    return `${this.origin}/l/${key}/fetch/${id}`;
  }

  /** Take this launch's LRS down (connections dropped) or bring it back. */
  setDown(key: string, down: boolean) {
    this.state(key).down = down;
  }

  /** Hold statement POSTs unanswered (a send in flight) until released. */
  setHold(key: string, hold: boolean) {
    const state = this.state(key);
    state.hold = hold;
    if (!hold) for (const res of state.held.splice(0)) res.destroy();
  }

  /** Statement POSTs the LRS accepted for a launch, in order (for the records benchmark). */
  accepted(key: string): readonly { at: number; verbs: string[] }[] {
    return this.state(key).accepted;
  }

  counts(key: string) {
    const s = this.state(key);
    return { fetchCalls: s.fetchCalls, statementPosts: s.statementPosts, held: s.held.length };
  }

  /** What the LRS holds for a registration, oldest first, as it returns them. */
  async statements(registration: string): Promise<Statement[]> {
    const out: Statement[] = [];
    let url: string | undefined = `${this.lrsEndpoint}statements?${new URLSearchParams({ registration, ascending: 'true', limit: '500' })}`;
    while (url) {
      const r = await fetch(url, { headers: { Authorization: LRS_AUTH, 'X-Experience-API-Version': '1.0.3' } });
      if (!r.ok) throw new Error(`LRS answered ${r.status}: ${await r.text()}`);
      const body = (await r.json()) as { statements: Statement[]; more?: string };
      out.push(...body.statements);
      url = body.more ? new URL(body.more, this.lrsEndpoint).href : undefined;
    }
    return out;
  }

  stop(): Promise<void> {
    for (const s of this.launches.values()) for (const res of s.held.splice(0)) res.destroy();
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }

  private state(key: string): LaunchState {
    const s = this.launches.get(key);
    if (!s) throw new Error(`no launch ${key}`);
    return s;
  }

  private async route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', this.origin);
    const origin = req.headers.origin;
    if (origin) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Headers', CORS_HEADERS);
      res.setHeader('Access-Control-Allow-Methods', 'GET,HEAD,PUT,POST,DELETE,OPTIONS');
      res.setHeader('Access-Control-Expose-Headers', 'ETag,X-Experience-API-Version');
    }
    if (url.pathname === '/returned')
      return void res
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end('<!doctype html><title>Course</title><h1>Back in the course</h1>');
    const m = /^\/l\/([^/]+)\/(fetch\/[^/]+|xapi\/.*)$/.exec(url.pathname);
    const state = m ? this.launches.get(m[1]!) : undefined;
    if (!m || !state) return void res.writeHead(404).end();
    if (state.down) return void req.socket.destroy();
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const rest = m[2]!;

    if (rest.startsWith('fetch/')) {
      state.fetchCalls++;
      const id = rest.slice('fetch/'.length);
      res.setHeader('Content-Type', 'application/json');
      if (req.method !== 'POST') return void res.writeHead(405).end(JSON.stringify({ 'error-code': '3', 'error-text': 'POST only' }));
      if (!state.unusedFetch.delete(id))
        return void res.writeHead(400).end(JSON.stringify({ 'error-code': '1', 'error-text': 'This fetch URL was already used.' }));
      const token = Buffer.from(`${state.launch.key}:${randomUUID()}`).toString('base64');
      state.tokens.add(token);
      return void res.writeHead(200).end(JSON.stringify({ 'auth-token': token }));
    }

    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Basic ') || !state.tokens.has(auth.slice(6))) return void res.writeHead(401).end('unknown token');
    const xapiPath = rest.slice('xapi/'.length);

    if (xapiPath === 'activities/state') {
      if (
        url.searchParams.get('stateId') === 'LMS.LaunchData' &&
        url.searchParams.get('registration') === state.launch.registration &&
        req.method === 'GET'
      ) {
        return void res
          .writeHead(200, { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3' })
          .end(JSON.stringify(state.data));
      }
      return void res.writeHead(req.method === 'GET' ? 404 : 204).end();
    }

    const body = await readBody(req);
    const posting = xapiPath.startsWith('statements') && req.method === 'POST';
    if (posting) state.statementPosts++;
    const upstream = await fetch(`${this.lrsEndpoint}${xapiPath}${url.search}`, {
      method: req.method,
      headers: {
        Authorization: LRS_AUTH,
        'X-Experience-API-Version': '1.0.3',
        ...(req.headers['content-type'] && { 'Content-Type': req.headers['content-type'] }),
      },
      ...(body.length && { body: new Uint8Array(body) }),
    });
    if (posting && upstream.ok) {
      const verbs = (JSON.parse(body.toString('utf8')) as Statement[]).map((x) => x.verb.id.split('/').at(-1)!);
      state.accepted.push({ at: performance.now(), verbs });
    }
    if (posting && state.hold) {
      // The LRS stored the statements, but the reply never reaches the browser while held: the
      // hardest case of a send in flight (a retry must not make duplicates).
      state.held.push(res);
      return;
    }
    res.writeHead(upstream.status, {
      'Content-Type': upstream.headers.get('content-type') ?? 'application/json',
      'X-Experience-API-Version': '1.0.3',
    });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => done(Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

export interface Statement {
  id: string;
  verb: { id: string; display?: Record<string, string> };
  object: { id: string; objectType?: string; definition?: Record<string, unknown> };
  result?: {
    success?: boolean;
    response?: string;
    score?: { scaled?: number };
    completion?: boolean;
    duration?: string;
    extensions?: Record<string, unknown>;
  };
  context?: { registration?: string; extensions?: Record<string, unknown>; contextActivities?: Record<string, { id: string }[]> };
  actor: Record<string, unknown>;
  timestamp: string;
  stored: string;
}

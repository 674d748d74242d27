import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** tools/lrs: Learning Locker's xapi-statements (GPL-3.0), outside the app's dependencies. */
export const LRS_DIR = resolve(import.meta.dirname, '../../tools/lrs');
const ENTRY = join(LRS_DIR, 'node_modules/xapi-statements/dist/index.js');

/** Any credentials do with AUTH_REPO=test; these stand for an LMS's own. */
export const LRS_AUTH = `Basic ${Buffer.from('catalyst-tests:secret').toString('base64')}`;

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** Install the LRS into tools/lrs when missing (npm ci against its lock file; about 2 minutes). */
export async function ensureLrsInstalled(): Promise<void> {
  if (existsSync(ENTRY)) return;
  // Two Playwright workers may both find it missing: the one that creates the lock installs, the
  // other waits for the lock to go (up to 4 minutes).
  const lock = join(LRS_DIR, '.installing');
  try {
    mkdirSync(lock);
  } catch {
    const until = Date.now() + 240_000;
    while (existsSync(lock) && Date.now() < until) await new Promise((r) => setTimeout(r, 500));
    if (existsSync(ENTRY)) return;
    throw new Error(`The test LRS install in ${LRS_DIR} did not finish (remove ${lock} if no install is running).`);
  }
  try {
    // Not the app's engine-strict (inherited as npm_config_engine_strict under `npm test`): the
    // LRS declares old Node engines but runs on Node 20, as the records e2e tests show.
    const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
      cwd: LRS_DIR,
      stdio: 'inherit',
      env: { ...process.env, npm_config_engine_strict: 'false' },
    });
    if (r.status !== 0 || !existsSync(ENTRY)) throw new Error(`Could not install the test LRS in ${LRS_DIR} (npm ci exited ${r.status}).`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface RunningLrs {
  /** e.g. http://127.0.0.1:41234/xAPI/ */
  readonly endpoint: string;
  readonly pid: number;
  stop(): Promise<void>;
}

async function waitForAbout(url: string, child: ChildProcess, log: () => string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`The test LRS exited (${child.exitCode}):\n${log()}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The test LRS did not answer ${url} within ${timeoutMs / 1000} s:\n${log()}`);
}

/** Start the LRS in memory on a free loopback port; resolves once /xAPI/about answers. */
export async function startLrs(): Promise<RunningLrs> {
  await ensureLrsInstalled();
  const port = await freePort();
  const scratch = mkdtempSync(join(tmpdir(), 'catalyst-lrs-'));
  let output = '';
  const child = spawn(process.execPath, [ENTRY], {
    cwd: scratch,
    env: {
      PATH: process.env.PATH ?? '',
      EVENTS_REPO: 'test',
      MODELS_REPO: 'memory',
      STORAGE_REPO: 'local',
      AUTH_REPO: 'test',
      EXPRESS_PORT: String(port),
      FS_LOCAL_STORAGE_DIR: join(scratch, 'storage'),
      EXPRESS_MORGAN_DIRECTORY: join(scratch, 'logs'),
      WINSTON_CONSOLE_LEVEL: 'error',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output = (output + d).slice(-4_000)));
  child.stderr!.on('data', (d) => (output = (output + d).slice(-4_000)));
  const endpoint = `http://127.0.0.1:${port}/xAPI/`;
  try {
    await waitForAbout(`${endpoint}about`, child, () => output);
  } catch (error) {
    child.kill();
    throw error;
  }
  return {
    endpoint,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => {
          rmSync(scratch, { recursive: true, force: true });
          done();
        });
        // Stopped by its own PID, never by name.
        process.kill(child.pid!, 'SIGTERM');
      }),
  };
}

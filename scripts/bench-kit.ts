/**
 * The pieces the benchmark and tooling scripts in scripts/ share: command-line flags, building and
 * serving the app with `vite preview`, launching Chromium the way the e2e tests do, storing drafts
 * in the app's IndexedDB, medians and the machine's load average. Node-side only: code that runs
 * inside `page.evaluate` is serialised into the page and cannot import from here.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../playwright.config';

/** `--name value` from the command line, else the fallback. */
export function arg(name: string): string | undefined;
export function arg(name: string, fallback: string): string;
export function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** `--name` given on the command line. */
export const flag = (name: string) => process.argv.includes(`--${name}`);

/** `npx vite build --logLevel warn`; exits with the build's status when it fails. */
export function buildApp(): void {
  console.log('Building…');
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

export interface Preview {
  /** The served app's root, e.g. http://127.0.0.1:4315/ */
  url: string;
  /** Stops the server (and the vite process npx started). Safe to call twice. */
  stop: () => void;
}

/**
 * Serves a built app (`dist`, or another build's folder) with `vite preview` on `port` and waits
 * until it answers (up to `timeoutMs`). The server runs in its own process group, so stopping it
 * also stops the vite process npx starts. `--configLoader runner` as `npm run build` loads the config.
 */
export async function startPreview({
  port,
  dist,
  host = '127.0.0.1',
  timeoutMs = 60_000,
}: {
  port: number;
  dist?: string;
  host?: string;
  timeoutMs?: number;
}): Promise<Preview> {
  const child = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--configLoader',
      'runner',
      '--port',
      String(port),
      '--strictPort',
      '--host',
      host,
      ...(dist ? ['--outDir', dist] : []),
    ],
    { stdio: 'ignore', detached: true },
  );
  const stop = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  const url = `http://${host}:${port}/`;
  for (const until = Date.now() + timeoutMs; Date.now() < until;) {
    try {
      if ((await fetch(url)).ok) return { url, stop };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`vite preview did not start at ${url}`);
}

/**
 * Headless Chromium as the e2e tests launch it (playwright.config.ts: CHROME_PATH, else Debian's
 * /usr/bin/chromium, else Playwright's own; flags that keep it off the network), plus `extraArgs`.
 */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** tsx (esbuild keepNames) wraps functions in __name(); page scripts get a no-op one. */
export const NAME_SHIM = 'globalThis.__name = (f) => f;';

/** Adds NAME_SHIM to every page of the context, before its scripts run. */
export const addNameShim = (context: BrowserContext) => context.addInitScript({ content: NAME_SHIM });

/**
 * Stores draft records the way src/persistence/drafts.ts does (database 'catalyst', store
 * 'drafts', keyPath 'id'), in one transaction. The database is opened at whatever version it has
 * (the app's, once it has run), since asking for an older version fails; the app builds each
 * draft's list summary when it lists it.
 */
export async function seedDrafts(page: Page, records: unknown[]): Promise<void> {
  await page.evaluate(
    (recs) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('catalyst');
        open.onupgradeneeded = () => {
          if (!open.result.objectStoreNames.contains('drafts')) open.result.createObjectStore('drafts', { keyPath: 'id' });
        };
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('drafts', 'readwrite');
          for (const r of recs) tx.objectStore('drafts').put(r);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    records,
  );
}

/** The median of the finite values (NaN when there are none). */
export function median(xs: number[]): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/** The 1, 5 and 15 minute load averages, e.g. "1.52, 1.31, 0.98". */
export const loadAverage = (digits = 2) =>
  loadavg()
    .map((l) => l.toFixed(digits))
    .join(', ');

/** How busy the machine is, for the head of a benchmark's output: "load average (1, 5, 15 min) 1.52, 1.31, 0.98 on 2 cores". */
export const loadLine = () => `load average (1, 5, 15 min) ${loadAverage()} on ${cpus().length} cores`;

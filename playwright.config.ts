import { existsSync } from 'node:fs';
import { chromium, defineConfig, devices } from '@playwright/test';

/**
 * E2E against a fresh production build served by `vite preview` on a fixed port (never a reused,
 * possibly stale server). Chromium: CHROME_PATH, else Debian's /usr/bin/chromium, else Playwright's
 * own download if present.
 */
export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // no bundled browser
  }
  throw new Error(
    'No Chromium found for the e2e tests. Install one with `apt-get install -y chromium` ' +
      '(Debian) or set CHROME_PATH to a Chromium/Chrome executable.',
  );
}

/** Flags that keep Chromium from reaching the network on its own (updates, sync, field trials). */
export const CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-features=OptimizationHints,MediaRouter,Translate',
  '--metrics-recording-only',
  '--no-default-browser-check',
];

const PORT = Number(process.env.E2E_PORT ?? 4173);
const CI = !!process.env.CI;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  workers: 2,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Override when several people run e2e in one working tree (each run wipes its output dir).
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
  use: {
    baseURL: `http://localhost:${PORT}/`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
      },
    },
  ],
  webServer: {
    // E2E_SKIP_BUILD=1 when the caller (npm test) has just built dist/. `--configLoader runner`
    // loads vite.config.ts with Vite's module runner, which has no need of the native loader's
    // explicit file extensions and so prints none of its ~35 lines of warnings.
    command: `${process.env.E2E_SKIP_BUILD ? '' : 'npm run build && '}npx vite preview --configLoader runner --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});

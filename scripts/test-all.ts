/**
 * npm test: every check, in order, stopping at the first failure:
 * typecheck, lint, format, unit tests, scenario check, build + bundle-size check, e2e.
 * Prints one line per step with its time, then a summary.
 *   npm test -- --skip e2e,lint     (skip steps by name, e.g. locally)
 */
import { spawnSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';

/**
 * A free port for the e2e web server (unless E2E_PORT is set), so two clones can run npm test side
 * by side: on the fixed default both served their build on 4173 and the second clone's e2e
 * stopped at "port already in use".
 */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, 'localhost', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
const e2ePort = process.env.E2E_PORT ?? String(await freePort());

const steps: { name: string; cmd: string; env?: Record<string, string> }[] = [
  { name: 'typecheck', cmd: 'npm run -s typecheck' },
  { name: 'lint', cmd: 'npm run -s lint' },
  { name: 'format', cmd: 'npm run -s format:check' },
  { name: 'unit', cmd: 'npm run -s test:unit' },
  { name: 'scenarios', cmd: 'npm run -s scenarios:check -- --strict' },
  { name: 'build', cmd: 'npm run -s build' },
  { name: 'bundle', cmd: 'npm run -s bundle:check' },
  // dist/ was just built: the e2e web server only serves it.
  { name: 'e2e', cmd: 'npx playwright test', env: { E2E_SKIP_BUILD: '1', E2E_PORT: e2ePort } },
];

const skipAt = process.argv.indexOf('--skip');
const skip = new Set(skipAt >= 0 ? (process.argv[skipAt + 1] ?? '').split(',') : []);
const done: string[] = [];
const started = Date.now();
for (const step of steps) {
  if (skip.has(step.name)) {
    done.push(`  - ${step.name.padEnd(10)} skipped`);
    continue;
  }
  console.log(`\n▶ ${step.name}: ${step.cmd}`);
  const t = Date.now();
  const r = spawnSync(step.cmd, { shell: true, stdio: 'inherit', env: { ...process.env, ...step.env } });
  const secs = ((Date.now() - t) / 1000).toFixed(1);
  if (r.status !== 0) {
    done.push(`  ✗ ${step.name.padEnd(10)} FAILED (exit ${r.status ?? r.signal}) after ${secs} s`);
    console.error(`\n${done.join('\n')}\n\nnpm test failed at "${step.name}".`);
    process.exit(r.status || 1);
  }
  done.push(`  ✓ ${step.name.padEnd(10)} ${secs} s`);
}
console.log(`\n${done.join('\n')}\n\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);

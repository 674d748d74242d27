/**
 * `npm run package` end to end: a real Vite build limited to one scenario, zipped, unzipped again.
 * Slow for a unit test (one production build, about 10-20 s on a busy machine), so just one.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, expect, it } from 'vitest';
import { runPackage } from './package';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(join(tmpdir(), 'catalyst-package-test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

it('builds a cmi5 zip holding only the chosen scenario, with relative asset URLs', async () => {
  const file = await runPackage({ format: 'cmi5', scenarios: ['the-glue'], out });
  expect(file).toBe(join(out, 'catalyst-cmi5.zip'));
  const zip = unzipSync(new Uint8Array(readFileSync(file)));
  const names = Object.keys(zip);

  const course = strFromU8(zip['cmi5.xml']!);
  expect(course.match(/<au /g)).toHaveLength(1);
  expect(course).toContain('<url>index.html?scenario=the-glue</url>');

  // One lazy chunk per bundled scenario, named after it: only the chosen one is in the zip.
  const others = readdirSync(join(ROOT, 'scenarios'))
    .map((f) => f.replace(/\.ya?ml$/, ''))
    .filter((id) => id !== 'the-glue');
  expect(names.some((n) => n.startsWith('assets/the-glue-'))).toBe(true);
  expect(names.filter((n) => others.some((id) => n.startsWith(`assets/${id}-`)))).toEqual([]);

  const index = strFromU8(zip['index.html']!);
  expect(index).toMatch(/src="\.\/assets\//);
  expect(index).not.toMatch(/(src|href)="\/(?!\/)/);
  expect(names.some((n) => n.endsWith('.map'))).toBe(false);
}, 180_000);

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

const run = promisify(execFile);

// (e) An invalid scenario makes `npm run scenarios:check` fail with `file:line:col  path  message`.
test('scenarios:check reports an invalid scenario file with its position and fails', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'catalyst-check-'));
  const file = join(dir, 'broken.yaml');
  // A valid bundled scenario, with its id changed to match the file and one choice's stance broken.
  const source = readFileSync('scenarios/flaw-upstairs.yaml', 'utf8')
    .replace(/^id: .*$/m, 'id: broken')
    .replace(/^(\s+)stance: partnering$/m, '$1stance: cheerleading');
  writeFileSync(file, source);
  const line = source.split('\n').findIndex((l) => l.includes('stance: cheerleading')) + 1;
  const column = source.split('\n')[line - 1]!.indexOf('cheerleading') + 1;

  const result = await run('npx', ['tsx', 'scripts/scenarios-check.ts', file], { cwd: process.cwd() }).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
  );
  expect(result.code).not.toBe(0);
  const shown = relative(process.cwd(), file);
  expect(result.out).toContain(
    `${shown}:${line}:${column}  nodes.opening.choices[0].stance  must be one of partnering, directing, rescuing, colluding, avoiding`,
  );
});

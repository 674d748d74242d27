// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { listDrafts } from '../../persistence/drafts';
import { freshResources, renderSuspended } from '../../testing/suspended';
import { StudioListPage } from './studio-list-page';

afterEach(() => {
  cleanup();
  freshResources();
});

const good = readFileSync('scenarios/the-glue.yaml', 'utf8');
const file = (name: string, text: string) => new File([text], name, { type: 'application/yaml' });
/** Nested aliases: expanding them is "billion laughs"; the yaml parser throws on it. */
const laughs = [
  'a: &a [x, x, x, x, x, x, x, x, x, x]',
  ...Array.from(
    { length: 8 },
    (_, i) =>
      `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
        .fill(`*${String.fromCharCode(97 + i)}`)
        .join(', ')}]`,
  ),
].join('\n');

async function importBatch(files: File[]) {
  // The page reads through the resource cache, inside a Suspense boundary as in the router.
  await renderSuspended(
    <MemoryRouter>
      <StudioListPage />
    </MemoryRouter>,
  );
  fireEvent.change(screen.getByTestId('import-input'), { target: { files } });
}

describe('importing several files at once', () => {
  it('imports each good file whatever its neighbours do, and reports every file', async () => {
    const before = (await listDrafts()).length;
    await importBatch([
      file('first.yaml', good),
      file('broken.yaml', 'title: [unclosed\n'),
      file('second.yaml', good.replace(/^title: .*$/m, 'title: Second copy')),
    ]);
    await waitFor(() => expect(screen.getByText('3 files: 2 imported, 1 not imported.')).toBeTruthy(), { timeout: 10_000 });
    expect(screen.getByText(/Imported “first.yaml” as a draft/)).toBeTruthy();
    expect(screen.getByText('“broken.yaml” was not imported')).toBeTruthy();
    expect(screen.getByText(/Imported “second.yaml” as a draft/)).toBeTruthy();
    expect(screen.queryByText(/Reading the file/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Choose a file…' }).hasAttribute('disabled')).toBe(false);
    const titles = (await listDrafts()).map((d) => d.title);
    expect(titles).toHaveLength(before + 2);
    expect(titles).toContain('Second copy');
  });

  it('ends with a result even for a file that makes the parser give up (alias amplification)', async () => {
    await importBatch([file('laughs.yaml', laughs), file('after.yaml', good)]);
    await waitFor(() => expect(screen.getByText('2 files: 1 imported, 1 not imported.')).toBeTruthy(), { timeout: 10_000 });
    expect(screen.getByText('“laughs.yaml” was not imported')).toBeTruthy();
    expect(screen.queryByText(/Reading the file/)).toBeNull();
  });
});

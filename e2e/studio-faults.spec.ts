import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { withoutLeaveEvents } from './crash';

/**
 * Studio saving under faults: a full disk never shows "Saved" for an unsaved edit, an edit typed
 * just before the page goes is there when the draft is reopened, and a batch import reports every
 * file. Each test waits on conditions, never on time.
 */

async function newDraft(page: Page): Promise<string> {
  await page.goto('#/studio');
  await page.getByRole('button', { name: 'New scenario' }).click();
  await expect(page).toHaveURL(/#\/studio\/draft-[a-z0-9]+/);
  await expect(page.locator('#field-title')).toHaveValue('Untitled scenario');
  return page.url();
}

/** Every text the save status shows from now on, in order. */
async function recordStatus(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const el = document.querySelector('.save-status')!;
    const log: string[] = [];
    (window as unknown as { statusLog: string[] }).statusLog = log;
    new MutationObserver(() => log.push(el.textContent ?? '')).observe(el, { childList: true, characterData: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { statusLog: string[] }).statusLog);
}

test('a full disk: the header never says Saved for an unsaved edit, the user is told, and the edit can be exported', async ({ page }) => {
  await newDraft(page);
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  // 4 MB for the origin, then fill IndexedDB until the browser refuses (QuotaExceededError).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin, quotaSize: 4 * 1024 * 1024 });
  const refusal = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('filler', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('blobs');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    let error = '';
    // Random bytes (incompressible), halving the chunk after each refusal down to 1 kB.
    for (let size = 512 * 1024, n = 0; size >= 1024;) {
      const bytes = crypto.getRandomValues(new Uint8Array(Math.min(size, 65536)));
      const chunk = new Uint8Array(size);
      for (let i = 0; i < size; i += bytes.length) chunk.set(bytes.subarray(0, Math.min(bytes.length, size - i)), i);
      const ok = await new Promise<boolean>((resolve) => {
        const tx = db.transaction('blobs', 'readwrite');
        tx.objectStore('blobs').put(chunk, n++);
        tx.oncomplete = () => resolve(true);
        tx.onabort = () => {
          error = tx.error?.name ?? 'AbortError';
          resolve(false);
        };
      });
      if (!ok) size /= 2;
    }
    db.close();
    return error;
  });
  expect(refusal).toBe('QuotaExceededError');

  const statusLog = await recordStatus(page);
  await page.locator('#field-title').fill('Typed on a full disk');
  const banner = page.getByRole('alert').filter({ hasText: 'Your changes could not be saved.' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('no storage space left');
  await expect(banner).toContainText('delete drafts you no longer need');
  await expect(page.locator('.save-status')).toHaveText('Not saved');
  expect(await statusLog()).not.toContain('Saved');

  // The edit is still here and can be exported.
  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Export YAML' }).click();
  const file = await (await download).path();
  expect(readFileSync(file, 'utf8')).toContain('title: Typed on a full disk');
  expect(await statusLog()).not.toContain('Saved');
});

test('a full disk: the unsaved edit survives a reload of the tab (session stash) and is still reported', async ({ page }) => {
  await newDraft(page);
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  // Make every IndexedDB write fail as a full disk does, from the next page load on.
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      if (sessionStorage.getItem('test.full') === '1') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await page.evaluate(() => sessionStorage.setItem('test.full', '1'));
  await page.reload();
  await page.locator('#field-title').fill('Kept in this tab');
  await expect(page.getByRole('alert').filter({ hasText: 'Your changes could not be saved.' })).toBeVisible();
  await page.reload();
  await expect(page.locator('#field-title')).toHaveValue('Kept in this tab');
  await expect(page.getByRole('alert').filter({ hasText: 'Your changes could not be saved.' })).toBeVisible();
});

test('closing the tab during typing: the edit is there when the draft is reopened in a new tab', async ({ page, context }) => {
  const url = await newDraft(page);
  await page.locator('#field-title').fill('');
  await page.locator('#field-title').pressSequentially('Last keys', { delay: 0 });
  // Close at once (no wait for the debounce or the write); the new tab has a new sessionStorage.
  await page.close({ runBeforeUnload: true });
  const reopened = await context.newPage();
  await reopened.goto(url);
  await expect(reopened.locator('#field-title')).toHaveValue('Last keys');
  await expect(reopened.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
});

test('a crash gives no pagehide: an edit typed just before it is there after the tab reloads', async ({ page }) => {
  await withoutLeaveEvents(page);
  await newDraft(page);
  await page.locator('#field-title').fill('Before the crash');
  await page.reload();
  await expect(page.locator('#field-title')).toHaveValue('Before the crash');
});

test('a good, a bad and a good file imported together: both good files become drafts, each file is reported', async ({ page }) => {
  await page.goto('#/studio');
  await expect(page.getByRole('heading', { name: 'Your drafts' })).toBeVisible();
  const good = readFileSync('scenarios/the-glue.yaml', 'utf8');
  await page.getByTestId('import-input').setInputFiles([
    { name: 'good-one.yaml', mimeType: 'application/yaml', buffer: Buffer.from(good.replace(/^title: .*$/m, 'title: Good one')) },
    { name: 'bad.yaml', mimeType: 'application/yaml', buffer: Buffer.from('title: [unclosed\nnodes: {\n') },
    { name: 'good-two.yaml', mimeType: 'application/yaml', buffer: Buffer.from(good.replace(/^title: .*$/m, 'title: Good two')) },
  ]);
  await expect(page.getByText('3 files: 2 imported, 1 not imported.')).toBeVisible();
  await expect(page.getByText('“bad.yaml” was not imported')).toBeVisible();
  await expect(page.locator('.import-error').filter({ hasText: 'bad.yaml' })).toContainText(/Line \d+, column \d+/);
  await expect(page.getByText(/Reading the file/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Choose a file…' })).toBeEnabled();
  await expect(page.locator('.draft-item').filter({ hasText: 'Good one' })).toHaveCount(1);
  await expect(page.locator('.draft-item').filter({ hasText: 'Good two' })).toHaveCount(1);
});

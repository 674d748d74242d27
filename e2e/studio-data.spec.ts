import { expect, test, type Page } from '@playwright/test';

/**
 * Studio data layer: no lost work (autosave to IndexedDB survives a reload mid-edit), imports are
 * all-or-nothing with line:column problems, and imported text never runs as code.
 */
const fixture = (name: string) => `e2e/fixtures/${name}`;

/** Fail the test if any script-driven dialog opens (alert/confirm/prompt from injected markup). */
function forbidDialogs(page: Page): string[] {
  const opened: string[] = [];
  page.on('dialog', (d) => {
    opened.push(d.message());
    void d.dismiss();
  });
  return opened;
}

async function newDraft(page: Page): Promise<void> {
  await page.goto('#/studio');
  await page.getByRole('button', { name: 'New scenario' }).click();
  await expect(page).toHaveURL(/#\/studio\/draft-[a-z0-9]+/);
}

test('an edit survives a reload straight after typing', async ({ page }) => {
  await newDraft(page);
  const title = page.locator('#field-title');
  await title.fill('Reload keeps this title');
  // Reload at once, before the debounce has fired: pagehide must store the edit.
  await page.reload();
  await expect(page.locator('#field-title')).toHaveValue('Reload keeps this title');
  await page.goto('#/studio');
  await expect(page.getByRole('link', { name: 'Reload keeps this title', exact: true })).toBeVisible();
});

test('the editor says Saving and then Saved', async ({ page }) => {
  await newDraft(page);
  await page.locator('#field-title').fill('Status check');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
});

test('a malformed file is refused with line:column problems and nothing is imported', async ({ page }) => {
  await page.goto('#/studio');
  await expect(page.getByRole('heading', { name: 'Your drafts' })).toBeVisible();
  const before = await page.locator('.draft-item').count();
  await page.getByTestId('import-input').setInputFiles([fixture('malformed.yaml'), fixture('wrong-shape.yaml')]);
  await expect(page.getByText('“malformed.yaml” was not imported')).toBeVisible();
  await expect(page.getByText(/Line 25, column 1/)).toBeVisible();
  const shape = page.locator('.import-error').filter({ hasText: 'wrong-shape.yaml' });
  await expect(shape.getByText('Line 5, column 19')).toBeVisible();
  await expect(shape.getByText('Line 13, column 11')).toBeVisible();
  await expect(shape).toContainText('unknown field "mood"');
  await expect(page.locator('.draft-item')).toHaveCount(before);
  // The studio keeps working.
  await page.getByRole('button', { name: 'New scenario' }).click();
  await expect(page).toHaveURL(/#\/studio\/draft-/);
});

test('script-like text in an imported scenario shows as text and runs nothing', async ({ page }) => {
  const dialogs = forbidDialogs(page);
  await page.goto('#/studio');
  await page.getByTestId('import-input').setInputFiles(fixture('script-injection.yaml'));
  const title = '<img src=x onerror=alert(1)> Injection test';
  await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible();
  await expect(page.locator('main img')).toHaveCount(0);

  // In the editor.
  await page.getByRole('link', { name: title, exact: true }).click();
  await expect(page.locator('#field-title')).toHaveValue(title);

  // In the trainee library, briefing and player (the draft is valid, so it plays).
  await page.goto('#/');
  await expect(page.getByText(title)).toBeVisible();
  await page
    .getByRole('link', { name: new RegExp('Injection test') })
    .first()
    .click();
  await expect(page.getByText('javascript:alert(4)')).toBeVisible();
  await expect(page.locator('main a[href^="javascript:"]')).toHaveCount(0);
  await expect(page.locator('main img, main iframe, main svg[onload], main script')).toHaveCount(0);
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
});

test('two tabs on one draft: the other tab is told, and nothing is overwritten silently', async ({ page, context }) => {
  await newDraft(page);
  const url = page.url();
  const other = await context.newPage();
  await other.goto(url);
  await expect(other.locator('#field-title')).toHaveValue('Untitled scenario');

  await page.locator('#field-title').fill('Written in tab one');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await expect(other.getByText('This draft was changed in another tab.')).toBeVisible();

  // Typing on in the stale tab does not overwrite tab one's work.
  await other.locator('#field-title').fill('Written in tab two');
  await other.waitForTimeout(800);
  await page.goto('#/studio');
  await expect(page.getByRole('link', { name: 'Written in tab one', exact: true })).toBeVisible();

  // Keep mine as a copy: both versions exist.
  await other.getByRole('button', { name: 'Keep mine as a copy' }).click();
  await expect(other.locator('#field-title')).toHaveValue('Written in tab two (my copy)');
  await expect(page.getByRole('link', { name: 'Written in tab two (my copy)', exact: true })).toBeVisible();
});

test('delete a draft, then undo', async ({ page }) => {
  await newDraft(page);
  await page.locator('#field-title').fill('Delete me');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.goto('#/studio');
  await page.getByRole('button', { name: 'Delete Delete me' }).click();
  await expect(page.getByRole('link', { name: 'Delete me', exact: true })).toHaveCount(0);
  await expect(page.getByText('Deleted “Delete me”.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo delete' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: 'Delete me', exact: true })).toBeVisible();
});

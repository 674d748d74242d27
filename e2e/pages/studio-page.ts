import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

/** The input id the editor gives a field at a problem path (see src/features/studio/field-paths.ts). */
export const fieldId = (path: readonly (string | number)[]): string => `field-${path.join('.')}`;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The studio: the drafts list (/studio) and the editor (/studio/:draftId). */
export class StudioPage {
  readonly listHeading: Locator;
  readonly newScenarioButton: Locator;
  readonly chooseFileButton: Locator;
  readonly draftList: Locator;
  readonly importResults: Locator;
  // Editor
  readonly saveStatus: Locator;
  readonly undoButton: Locator;
  readonly redoButton: Locator;
  readonly previewLink: Locator;
  readonly exportYamlButton: Locator;
  readonly exportJsonButton: Locator;
  readonly mapRegion: Locator;
  readonly branchMap: Locator;
  readonly mapSummary: Locator;
  readonly inspectorHeading: Locator;
  readonly problems: Locator;
  readonly problemsSummary: Locator;
  readonly problemButtons: Locator;
  readonly errorButtons: Locator;
  readonly settingsButton: Locator;

  constructor(readonly page: Page) {
    this.listHeading = page.getByRole('heading', { level: 1, name: 'Studio' });
    this.newScenarioButton = page.getByRole('button', { name: 'New scenario' });
    this.chooseFileButton = page.getByRole('button', { name: 'Choose a file…' });
    this.draftList = page.getByRole('list', { name: 'Your drafts' });
    this.importResults = page.locator('.import-results');
    this.saveStatus = page.getByRole('status').filter({ hasText: /^(Saving…|Saved|Not saved|Changed in another tab)$/ });
    this.undoButton = page.getByRole('button', { name: 'Undo', exact: true });
    this.redoButton = page.getByRole('button', { name: 'Redo', exact: true });
    this.previewLink = page.getByRole('link', { name: 'Preview from start' });
    this.exportYamlButton = page.getByRole('group', { name: 'Editor actions' }).getByRole('button', { name: 'Export YAML' });
    this.exportJsonButton = page.getByRole('button', { name: 'Export XState JSON' });
    this.mapRegion = page.getByRole('region', { name: 'Map', exact: true });
    this.branchMap = page.getByRole('region', { name: 'Branch map of the draft' });
    this.mapSummary = this.branchMap.getByText(/^\d+ nodes?, /);
    this.inspectorHeading = page.locator('#inspector-heading');
    this.problems = page.getByRole('region', { name: 'Problems', exact: true });
    this.problemsSummary = this.problems.getByRole('status');
    this.problemButtons = this.problems.getByRole('listitem').getByRole('button');
    this.errorButtons = this.problemButtons.filter({ hasText: /^Error/ });
    this.settingsButton = this.mapRegion.getByRole('button', { name: 'Scenario settings' });
  }

  // ---- list page ----
  async gotoList() {
    await this.page.goto('./#/studio');
    await expect(this.listHeading).toBeVisible();
    await expect(this.page.getByText('Loading drafts…')).toHaveCount(0);
  }

  /** New scenario from the list page; returns the new draft's id. */
  async newScenario(): Promise<string> {
    await this.gotoList();
    await this.newScenarioButton.click();
    await this.page.waitForURL(/#\/studio\/draft-[a-z0-9]+/);
    await expect(this.inspectorHeading).toBeVisible();
    return this.draftId();
  }

  draftId(): string {
    const m = /#\/studio\/([^?/]+)/.exec(this.page.url());
    if (!m) throw new Error(`not in the editor: ${this.page.url()}`);
    return decodeURIComponent(m[1]!);
  }

  /** Import files through the "Choose a file…" button and the browser's file chooser. */
  async importThroughChooser(files: string | string[]) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.chooseFileButton.click();
    await (await chooser).setFiles(files);
  }

  // ---- editor ----
  /** A node box on the branch map (its accessible name starts with the kind and the id). */
  mapNode(id: string): Locator {
    return this.branchMap.getByRole('group', { name: new RegExp(`^(Start\\. )?[A-Z][^:]*? ${escapeRe(id)}(: |\\.|$)`) });
  }

  /** Select a node through the map's list view (the text alternative to the canvas). */
  async selectFromList(id: string) {
    const list = this.branchMap.getByRole('button', { name: 'List', exact: true });
    if ((await list.getAttribute('aria-pressed')) !== 'true') await list.click();
    await this.branchMap
      .getByRole('listitem')
      .getByRole('button', { name: new RegExp(`^[A-Z].*? ${escapeRe(id)}( |$)`) })
      .click();
    await this.expectInspecting(id);
  }

  /** The inspector's field with this problem path (e.g. ['nodes','opening','client']). */
  field(path: readonly (string | number)[]): Locator {
    return this.page.locator(`[id="${fieldId(path)}"]`);
  }

  /** Choice N (1-based) of the moment in the inspector. */
  choice(n: number): Locator {
    return this.page.getByRole('group', { name: `Choice ${n}`, exact: true });
  }

  /** Route N (1-based) of the route node in the inspector. */
  route(n: number): Locator {
    return this.page.getByRole('group', { name: new RegExp(`^Route ${n}( \\(fallback\\))?$`) });
  }

  /** Wait for the inspector to show this node. */
  async expectInspecting(nodeId: string) {
    await expect(this.inspectorHeading).toContainText(nodeId);
    await expect(this.page.getByRole('textbox', { name: 'Node id' })).toHaveValue(nodeId);
  }

  async expectSaved() {
    await expect(this.saveStatus).toHaveText('Saved');
  }

  /** The problems panel's summary says there are no errors (warnings may remain). */
  async expectNoErrors() {
    await expect(this.problemsSummary).not.toContainText('error');
    await expect(this.problemsSummary).toHaveText(/^(No problems|\d+ warnings?)/);
    await expect(this.errorButtons).toHaveCount(0);
  }

  // ---- keyboard ----
  /** Whether `target` has the keyboard focus (reads focus; never moves it). */
  async isFocused(target: Locator): Promise<boolean> {
    return target.evaluate((el) => el === document.activeElement, undefined, { timeout: 2_000 }).catch(() => false);
  }

  /**
   * Press Tab (or Shift+Tab) until `target` has the focus. The target is found once and then
   * compared with the focused element; it is looked up again only if React replaced it. Looking a
   * role locator up after every Tab (accessible names over the whole editor) made the long
   * keyboard tests spend most of their time here on a busy machine.
   */
  async tabTo(target: Locator, opts: { backwards?: boolean; max?: number } = {}) {
    let element = await target.elementHandle({ timeout: 2_000 }).catch(() => null);
    for (let i = 0; i <= (opts.max ?? 200); i++) {
      // true: focused; false: not yet; null: the element left the page, so find the target again.
      const focused = element ? await element.evaluate((el) => (el.isConnected ? el === document.activeElement : null)) : null;
      if (focused === null) {
        await element?.dispose();
        element = await target.elementHandle({ timeout: 2_000 }).catch(() => null);
        if (await this.isFocused(target)) return;
      } else if (focused) return;
      await this.page.keyboard.press(opts.backwards ? 'Shift+Tab' : 'Tab');
    }
    throw new Error(`Tab never reached ${target.toString()}`);
  }

  /** Tab to a text field and replace its text by typing. */
  async typeInto(target: Locator, text: string, opts: { backwards?: boolean } = {}) {
    await this.tabTo(target, opts);
    await this.page.keyboard.press('ControlOrMeta+a');
    if (text) await this.page.keyboard.type(text);
    else await this.page.keyboard.press('Delete');
  }

  /** Tab to a button or link and press Enter. */
  async activate(target: Locator, opts: { backwards?: boolean; key?: 'Enter' | 'Space' } = {}) {
    await this.tabTo(target, opts);
    await this.page.keyboard.press(opts.key ?? 'Enter');
  }

  /** Click Export YAML and return the downloaded text and file name. */
  async exportYaml(): Promise<{ text: string; name: string; path: string }> {
    const download = this.page.waitForEvent('download');
    await this.exportYamlButton.click();
    const d = await download;
    const path = await d.path();
    return { text: await readFile(path, 'utf8'), name: d.suggestedFilename(), path };
  }
}

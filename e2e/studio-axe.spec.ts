import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './fixtures';
import { PlayPage } from './pages/play-page';
import { StudioPage } from './pages/studio-page';

/** The studio and its preview have no axe violations (WCAG 2.2 AA tags) at desktop and phone widths. */

const widths = [
  { name: '1280px', width: 1280, height: 900, narrow: false },
  { name: '360px', width: 360, height: 780, narrow: true },
];

async function clean(page: Page, state: string) {
  // Let the problems panel's debounce and the map's layout settle first.
  await page.waitForTimeout(300);
  expect(await axeViolations(page), `${state}: axe violations`).toEqual([]);
}

for (const size of widths) {
  test.describe(`studio accessibility (${size.name})`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    /** On narrow screens the editor shows one pane at a time behind tabs. */
    async function showPane(page: Page, name: 'Map' | 'Edit' | 'Problems') {
      if (!size.narrow) return;
      await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
      await expect(page.getByRole('tab', { name: new RegExp(`^${name}`) })).toHaveAttribute('aria-selected', 'true');
    }

    test('studio list: empty, with drafts, and with an import error', async ({ page }) => {
      const studio = new StudioPage(page);
      await studio.gotoList();
      await expect(page.getByText('No drafts yet.')).toBeVisible();
      await clean(page, 'studio list (empty)');

      await studio.newScenario();
      await studio.expectSaved();
      await studio.gotoList();
      await page.getByRole('button', { name: 'Duplicate', exact: true }).click();
      await expect(studio.draftList.getByRole('listitem')).toHaveCount(2);
      await clean(page, 'studio list (with drafts)');

      await studio.importThroughChooser('e2e/fixtures/malformed.yaml');
      await expect(page.getByText('“malformed.yaml” was not imported')).toBeVisible();
      await clean(page, 'studio list (import error)');
    });

    // The editor walk is split in five (each starts from a new draft), so that each test stays
    // well inside 60 s on a loaded machine: as one test it timed out in 2 of 2 runs at both widths.
    test('editor: scenario settings and the map', async ({ page }) => {
      const studio = new StudioPage(page);
      await studio.newScenario();
      await expect(studio.inspectorHeading).toContainText('Scenario settings');
      await clean(page, 'editor: scenario settings');

      await showPane(page, 'Map');
      await expect(studio.mapSummary).toBeVisible();
      await clean(page, 'editor: map');
    });

    test('editor: a moment, and its marker picker open', async ({ page }) => {
      const studio = new StudioPage(page);
      await studio.newScenario();
      await showPane(page, 'Map');
      await studio.selectFromList('opening');
      await clean(page, 'editor: moment selected');
      await page.getByText('Choose markers').first().click();
      await expect(
        page.getByRole('textbox', { name: 'Search markers' }).or(page.getByRole('searchbox', { name: 'Search markers' })),
      ).toBeVisible();
      await clean(page, 'editor: moment with the marker picker open');
    });

    test('preview of a valid draft: a turn, feedback and the ending', async ({ page }) => {
      const studio = new StudioPage(page);
      await studio.newScenario();
      await studio.previewLink.click();
      await expect(page).toHaveURL(/#\/preview\//);
      const play = new PlayPage(page);
      await play.waitForTurn();
      await clean(page, 'preview');
      await play.choose(0);
      await expect(play.feedbackHeading).toBeVisible();
      await clean(page, 'preview with feedback');
      await play.continueButton.click();
      await expect(page.getByRole('heading', { name: /^Ending: / })).toBeVisible();
      await clean(page, 'preview ending');
    });

    test('editor: a facilitator guide, a route and an ending', async ({ page }) => {
      const studio = new StudioPage(page);
      await studio.newScenario();
      const editor = async (node: string) => {
        await showPane(page, 'Map');
        await studio.selectFromList(node);
      };

      // An empty facilitator guide (its missing objectives are errors).
      await expect(studio.inspectorHeading).toContainText('Scenario settings');
      await page.getByRole('button', { name: 'Add a facilitator guide' }).click();
      await clean(page, 'editor: scenario settings with a facilitator guide');

      // A route node (with a condition) linked from the start moment.
      await editor('opening');
      await studio.choice(1).getByRole('combobox', { name: 'Next node' }).selectOption({ label: 'New route node…' });
      await studio.choice(1).getByRole('button', { name: 'Open route-1' }).click();
      await studio.expectInspecting('route-1');
      await page.getByRole('button', { name: 'Add route', exact: true }).click();
      await expect(studio.route(2)).toHaveAccessibleName('Route 2 (fallback)');
      await clean(page, 'editor: route selected');

      await editor('ending');
      await clean(page, 'editor: ending selected');
    });

    test('editor with errors: the problems panel, a field with its inline error, and the preview', async ({ page }) => {
      const studio = new StudioPage(page);
      const draftId = await studio.newScenario();
      // An empty facilitator guide gives the draft errors (its missing objectives).
      await expect(studio.inspectorHeading).toContainText('Scenario settings');
      await page.getByRole('button', { name: 'Add a facilitator guide' }).click();

      await showPane(page, 'Problems');
      await expect(studio.errorButtons.first()).toBeVisible();
      await clean(page, 'editor: problems panel with errors');

      // Picking a problem shows the field with its inline error.
      await studio.errorButtons.first().click();
      await expect(page.locator(':focus')).toHaveAttribute('aria-invalid', 'true');
      await clean(page, 'editor: field with an inline error');

      // The preview of a draft with errors explains why it cannot play.
      await page.goto(`./#/preview/${draftId}`);
      await expect(page.getByRole('heading', { level: 1, name: 'This draft can’t be previewed' })).toBeVisible();
      await clean(page, 'preview of a draft with errors');
    });

    // Wide screens only: narrow ones show one pane at a time behind tabs instead.
    if (!size.narrow)
      test('editor with the inspector folded away: the map has the width', async ({ page }) => {
        const studio = new StudioPage(page);
        await studio.newScenario();
        const before = (await page.locator('.bm-canvas').boundingBox())!.width;
        await page.getByRole('button', { name: 'Hide inspector' }).click();
        await expect(studio.inspectorHeading).toBeHidden();
        await expect.poll(async () => (await page.locator('.bm-canvas').boundingBox())!.width).toBeGreaterThan(before + 200);
        await clean(page, 'editor: inspector folded away');
        await page.getByRole('button', { name: 'Show inspector' }).click();
        await expect(studio.inspectorHeading).toBeVisible();
      });
  });
}

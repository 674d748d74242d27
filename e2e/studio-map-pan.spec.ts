import { expect, test, type Page } from '@playwright/test';
import { StudioPage } from './pages/studio-page';

/**
 * Panning the studio's branch map by dragging empty canvas (BranchMap's own pointer handlers, not
 * React Flow's): the boxes follow the pointer exactly, the view stays where it was dropped, and
 * the boxes still take clicks afterwards.
 */

async function openTheGlue(page: Page): Promise<StudioPage> {
  const studio = new StudioPage(page);
  await studio.gotoList();
  await studio.importThroughChooser('scenarios/the-glue.yaml');
  await page.getByRole('link', { name: 'The glue', exact: true }).click();
  await page.waitForURL(/#\/studio\/[^/?]+/);
  await expect(studio.branchMap.locator('.react-flow__node').first()).toBeVisible();
  return studio;
}

/** A point on empty canvas (the pane itself) in the lower part of the map, and a box in view. */
async function emptyPoint(page: Page) {
  const point = await page.evaluate(() => {
    const r = document.querySelector('.bm-canvas')!.getBoundingClientRect();
    for (let fy = 0.9; fy >= 0.5; fy -= 0.05) {
      for (let fx = 0.9; fx >= 0.3; fx -= 0.05) {
        const x = r.left + r.width * fx;
        const y = r.top + r.height * fy;
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return null;
  });
  expect(point, 'no empty canvas to drag').not.toBeNull();
  return point!;
}

test('dragging empty canvas moves the boxes with the pointer, and they still take clicks', async ({ page }) => {
  const studio = await openTheGlue(page);
  const box = studio.branchMap.locator('.react-flow__node').first();
  const id = (await box.getAttribute('data-id'))!;
  const before = (await box.boundingBox())!;
  const { x, y } = await emptyPoint(page);

  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(x - 8 * i, y - 5 * i);
  // Mid-drag the boxes already follow the pointer.
  await expect.poll(async () => (await box.boundingBox())!.x).toBeCloseTo(before.x - 80, 0);
  await page.mouse.up();

  // Dropped where the pointer left it (and kept there once the map's store catches up).
  await expect.poll(async () => (await box.boundingBox())!.x).toBeCloseTo(before.x - 80, 0);
  await expect.poll(async () => (await box.boundingBox())!.y).toBeCloseTo(before.y - 50, 0);

  // A second drag starts from where the first ended, not from the original view.
  const second = await emptyPoint(page);
  await page.mouse.move(second.x, second.y);
  await page.mouse.down();
  for (let i = 1; i <= 5; i++) await page.mouse.move(second.x + 6 * i, second.y + 4 * i);
  await page.mouse.up();
  await expect.poll(async () => (await box.boundingBox())!.x).toBeCloseTo(before.x - 50, 0);
  await expect.poll(async () => (await box.boundingBox())!.y).toBeCloseTo(before.y - 30, 0);

  // The middle button pans too.
  const third = await emptyPoint(page);
  await page.mouse.move(third.x, third.y);
  await page.mouse.down({ button: 'middle' });
  for (let i = 1; i <= 5; i++) await page.mouse.move(third.x + 4 * i, third.y);
  await page.mouse.up({ button: 'middle' });
  await expect.poll(async () => (await box.boundingBox())!.x).toBeCloseTo(before.x - 30, 0);

  // The boxes are still hit: a click selects one.
  const at = (await box.boundingBox())!;
  await page.mouse.click(at.x + at.width / 2, at.y + Math.min(20, at.height / 2));
  await studio.expectInspecting(id);
});

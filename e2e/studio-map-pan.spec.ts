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

/**
 * React Flow's root overhangs the canvas (map-view.ts STAGE_MARGIN) so that boxes just outside
 * the view are mounted before a pan brings them in. What the user sees must not change: Fit puts
 * every box inside the canvas, a box that takes keyboard focus is on screen, and the overview
 * frames exactly the part of the map the canvas shows.
 */
test('Fit, keyboard focus and the overview all keep to the visible canvas', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' }); // Fit and reveal jump, so the checks need no waiting on animation
  const studio = await openTheGlue(page);
  const canvas = page.locator('.bm-canvas');

  /** Centre of the element inside the canvas's visible rect. */
  const centreOnCanvas = (selector: string) =>
    page.evaluate((sel) => {
      const el = document.querySelector(sel);
      if (!el) return false;
      const c = document.querySelector('.bm-canvas')!.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2,
        y = r.top + r.height / 2;
      return x >= c.left && x <= c.right && y >= c.top && y <= c.bottom;
    }, selector);

  // Keyboard: every box Tab reaches is brought on screen.
  await studio.branchMap.locator('.react-flow__node').first().focus();
  let boxes = 0;
  for (let i = 0; i < 14; i++) {
    await page.keyboard.press('Tab');
    const onBox = await page.evaluate(() => !!document.activeElement?.classList.contains('react-flow__node'));
    if (!onBox) break;
    boxes++;
    await expect.poll(() => centreOnCanvas('.react-flow__node:focus')).toBe(true);
  }
  expect(boxes).toBeGreaterThan(5);

  // The overview's frame is the visible canvas, in the map's coordinates.
  const framed = () =>
    page.evaluate(() => {
      const vp = document.querySelector<HTMLElement>('.bm-canvas .react-flow__viewport')!;
      const [, tx, ty, z] = /translate\(([-\d.e]+)px,\s*([-\d.e]+)px\)\s*scale\(([-\d.e]+)\)/.exec(vp.style.transform)!.map(Number);
      const stage = document.querySelector('.bm-stage')!.getBoundingClientRect();
      const c = document.querySelector('.bm-canvas')!.getBoundingClientRect();
      const shown = { x: (c.left - stage.left - tx!) / z!, y: (c.top - stage.top - ty!) / z!, w: c.width / z!, h: c.height / z! };
      const d = document.querySelector('.bm-minimap .react-flow__minimap-mask')!.getAttribute('d')!;
      const [x, y, w, h] = /M([-\d.e]+),([-\d.e]+)h([-\d.e]+)v([-\d.e]+)h[-\d.e]+z\s*$/.exec(d)!.slice(1).map(Number);
      // Within a border's width (the canvas rect includes its 1 px border).
      const near = (a: number, b: number) => Math.abs(a - b) <= 3 / z!;
      return near(shown.x, x!) && near(shown.y, y!) && near(shown.w, w!) && near(shown.h, h!);
    });
  await expect.poll(framed).toBe(true);

  // Fit: the whole map, every box inside the canvas.
  const total = Number(/^(\d+) nodes/.exec((await studio.branchMap.locator('.bm-summary').textContent()) ?? '')?.[1]);
  await page.getByRole('button', { name: 'Fit the whole map in view' }).click();
  await expect(studio.branchMap.locator('.react-flow__node')).toHaveCount(total);
  const c = (await canvas.boundingBox())!;
  for (const r of await studio.branchMap
    .locator('.react-flow__node')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) {
    expect(r.left).toBeGreaterThanOrEqual(c.x);
    expect(r.top).toBeGreaterThanOrEqual(c.y);
    expect(r.right).toBeLessThanOrEqual(c.x + c.width);
    expect(r.bottom).toBeLessThanOrEqual(c.y + c.height);
  }
  await expect.poll(framed).toBe(true);
});

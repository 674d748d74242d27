import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { PlayPage } from './pages/play-page';
import { StudioPage } from './pages/studio-page';
import {
  CLIENT,
  FIXED_BY_MOUSE,
  MOUSE_TEXT,
  MOUSE_TITLE,
  TEXT,
  TITLE,
  endingWritten,
  expectStage,
  mouseBuilt,
  mouseFixed,
  openStage,
  openingLinked,
  openingWritten,
  problemsFixed,
  routeWritten,
  secondWritten,
  textFor,
} from './studio-journey';

/**
 * An author builds a scenario from blank in the studio: with the mouse, then with the keyboard
 * alone; fixes what the Problems panel reports; previews it; round-trips it through YAML export
 * and import; undoes and redoes; and finds it in the trainee library. (Reload mid-edit and bad
 * imports are in studio-data.spec.ts.)
 */

/** Play the open preview by picking responses by their text until an ending shows. */
async function playPreview(page: Page, responses: readonly string[]) {
  const play = new PlayPage(page);
  for (const text of responses) {
    await play.waitForTurn();
    await play.choices.filter({ hasText: text }).click();
    await expect(play.feedbackHeading).toBeVisible();
    await play.continueButton.click();
  }
}

/*
 * With the mouse, in stages (e2e/studio-journey.ts): each test imports the draft the previous
 * stage leaves and checks its export against the next, so together they cover the whole journey.
 */
test.describe('with the mouse', () => {
  test('build a three-moment scenario from blank', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.newScenario();

    // Scenario settings are open when nothing is selected.
    await page.getByRole('textbox', { name: 'Scenario title' }).fill(MOUSE_TITLE);

    // The start moment.
    await studio.mapNode('opening').click();
    await studio.expectInspecting('opening');
    await page.getByRole('textbox', { name: 'Client line' }).fill(CLIENT.opening);
    const c1 = studio.choice(1);
    await c1.getByRole('textbox', { name: 'Response text' }).fill(MOUSE_TEXT.invite);
    await expect(c1.getByRole('combobox', { name: 'Stance' })).toHaveValue('partnering');
    await c1.getByRole('textbox', { name: 'Feedback', exact: true }).fill(MOUSE_TEXT.inviteFeedback);
    await c1.getByRole('combobox', { name: 'Next node' }).selectOption({ label: 'New moment…' });
    await expect(c1.getByRole('combobox', { name: 'Next node' })).toHaveValue('moment-2');

    // A directing drift with feedback and a partnering alternative.
    await page.getByRole('button', { name: 'Add choice' }).click();
    const c2 = studio.choice(2);
    await c2.getByRole('textbox', { name: 'Response text' }).fill(MOUSE_TEXT.directing);
    await c2.getByRole('combobox', { name: 'Stance' }).selectOption({ label: 'Directing' });
    await c2.getByRole('textbox', { name: 'Feedback', exact: true }).fill(MOUSE_TEXT.directingFeedback);
    await c2.getByRole('textbox', { name: 'Partnering alternative' }).fill(MOUSE_TEXT.directingAlternative);
    await c2.getByRole('combobox', { name: 'Next node' }).selectOption({ label: 'moment-2 (Moment)' });

    // The second moment: the client line and one response text are left for the Problems panel.
    await c1.getByRole('button', { name: 'Open moment-2' }).click();
    await studio.expectInspecting('moment-2');
    await studio.choice(1).getByRole('spinbutton', { name: 'Trust change' }).fill('10');
    await studio.choice(1).getByRole('combobox', { name: 'Next node' }).selectOption({ label: 'New route node…' });
    await expect(studio.choice(1).getByRole('combobox', { name: 'Next node' })).toHaveValue('route-1');
    await page.getByRole('button', { name: 'Add choice' }).click();
    const rescue = studio.choice(2);
    await rescue.getByRole('textbox', { name: 'Response text' }).fill(MOUSE_TEXT.rescuing);
    await rescue.getByRole('combobox', { name: 'Stance' }).selectOption({ label: 'Rescuing' });
    await rescue.getByRole('combobox', { name: 'Next node' }).selectOption({ label: 'route-1 (Route node)' });

    // The route node: Trust at least 60 leads on; the fallback goes to the existing ending.
    await studio.choice(1).getByRole('button', { name: 'Open route-1' }).click();
    await studio.expectInspecting('route-1');
    await expect(studio.route(1)).toHaveAccessibleName('Route 1 (fallback)');
    await page.getByRole('button', { name: 'Add route', exact: true }).click();
    const r1 = studio.route(1);
    await expect(r1).toHaveAccessibleName('Route 1');
    await r1.getByRole('combobox', { name: 'Trust condition' }).selectOption({ label: 'at least' });
    await r1.getByRole('spinbutton', { name: 'Trust threshold' }).fill('60');
    await r1.getByRole('combobox', { name: 'Next node' }).selectOption({ label: 'New moment…' });
    await expect(r1.getByRole('combobox', { name: 'Next node' })).toHaveValue('moment-3');
    const fallback = studio.route(2);
    await expect(fallback).toHaveAccessibleName('Route 2 (fallback)');
    await fallback.getByRole('combobox', { name: 'Next node' }).selectOption({ label: 'ending (Ending)' });

    // The third moment leads to a new breakthrough ending.
    await r1.getByRole('button', { name: 'Open moment-3' }).click();
    await studio.expectInspecting('moment-3');
    const c3 = studio.choice(1);
    await c3.getByRole('textbox', { name: 'Response text' }).fill(MOUSE_TEXT.third);
    await c3.getByRole('textbox', { name: 'Feedback', exact: true }).fill(MOUSE_TEXT.thirdFeedback);
    await c3.getByRole('combobox', { name: 'Next node' }).selectOption({ label: 'New ending…' });
    await expect(c3.getByRole('combobox', { name: 'Next node' })).toHaveValue('ending-2');
    await c3.getByRole('button', { name: 'Open ending-2' }).click();
    await studio.expectInspecting('ending-2');
    await page.getByRole('combobox', { name: 'Outcome' }).selectOption({ label: 'Breakthrough' });

    // The original ending becomes the stalled one.
    await studio.mapNode('ending').click();
    await studio.expectInspecting('ending');
    await page.getByRole('combobox', { name: 'Outcome' }).selectOption({ label: 'Stalled' });
    await page.getByRole('textbox', { name: 'Client line' }).fill(CLIENT.ending);
    await page.getByRole('textbox', { name: 'Ending summary' }).fill(MOUSE_TEXT.stalledSummary);

    await expectStage(page, mouseBuilt(), 'mouse');
  });

  test('fix the problems by clicking each one and typing into the field it opens', async ({ page }, testInfo) => {
    const studio = new StudioPage(page);
    await openStage(page, testInfo, mouseBuilt());

    // Click each error, type into the field it focuses, until none is left.
    await expect(studio.errorButtons.first()).toBeVisible();
    const fixed: string[] = [];
    for (let i = 0; i < 20 && (await studio.errorButtons.count()) > 0; i++) {
      const problem = studio.errorButtons.first();
      const label = (await problem.textContent())!;
      await problem.click();
      const focused = page.locator(':focus');
      await expect(focused, `clicking “${label}” focuses a field`).toHaveAttribute('id', /^field-/);
      const id = (await focused.getAttribute('id'))!;
      await focused.fill(textFor(id));
      fixed.push(id);
      // The fixed problem leaves the list (the panel re-checks after a short debounce).
      await expect(studio.errorButtons.filter({ hasText: label })).toHaveCount(0);
    }
    expect(fixed.sort()).toEqual([...FIXED_BY_MOUSE]);
    await studio.expectNoErrors();
    await expectStage(page, mouseFixed(), 'mouse');
  });

  test('preview from the start, then play from a chosen moment with chosen meters', async ({ page }, testInfo) => {
    const studio = new StudioPage(page);
    const draftId = await openStage(page, testInfo, mouseFixed());

    // Preview from the start and play to the breakthrough ending (Trust 50 +5 +10 = 65 ≥ 60).
    await studio.previewLink.click();
    await expect(page).toHaveURL(new RegExp(`#/preview/${draftId}$`));
    await expect(page.getByRole('heading', { level: 1, name: MOUSE_TITLE })).toBeVisible();
    await expect(page.getByText(CLIENT.opening)).toBeVisible();
    await playPreview(page, [MOUSE_TEXT.invite, textFor('field-nodes.moment-2.choices.0.text'), MOUSE_TEXT.third]);
    await expect(page.getByRole('heading', { name: 'Ending: Breakthrough' })).toBeVisible();
    await expect(page.getByText(CLIENT.breakthrough)).toBeVisible();

    // Play from here: the second moment with Trust 70, so even the rescuing response passes the route.
    await page.getByRole('link', { name: 'Back to the studio' }).first().click();
    await studio.mapNode('moment-2').click();
    await studio.expectInspecting('moment-2');
    await page.getByRole('spinbutton', { name: 'Trust at start' }).fill('70');
    await page.getByRole('link', { name: 'Play from here' }).click();
    await expect(page).toHaveURL(/#\/preview\/draft-[a-z0-9]+\?from=moment-2&m\.trust=70&m\.ownership=40$/);
    await expect(page.getByText('Starting at')).toContainText('moment-2');
    await expect(page.getByText(CLIENT.second)).toBeVisible();
    await expect(page.getByText(CLIENT.opening)).toHaveCount(0);
    await playPreview(page, [MOUSE_TEXT.rescuing]);
    await expect(page.getByText(CLIENT.third)).toBeVisible();

    // Back in the editor, the node being edited before the preview is open again.
    await page.getByRole('link', { name: 'Back to the studio' }).first().click();
    await studio.expectInspecting('moment-2');
  });

  test('export YAML, import the file on the list page, and export the imported draft again unchanged', async ({ page }, testInfo) => {
    const studio = new StudioPage(page);
    const draftId = await openStage(page, testInfo, mouseFixed());
    await studio.expectSaved();
    const first = await studio.exportYaml();
    expect(first.name).toMatch(/\.ya?ml$/);
    const exported = parse(first.text) as { id: string; title: string; nodes: Record<string, unknown> };
    expect(exported.title).toBe(MOUSE_TITLE);
    expect(Object.keys(exported.nodes).sort()).toEqual(['ending', 'ending-2', 'moment-2', 'moment-3', 'opening', 'route-1']);

    await studio.gotoList();
    await studio.importThroughChooser(first.path);
    await expect(studio.importResults).toContainText('as a draft');
    await studio.importResults.getByRole('link', { name: `Open ${MOUSE_TITLE}` }).click();
    await expect(page).toHaveURL(/#\/studio\/draft-[a-z0-9]+/);
    expect(studio.draftId()).not.toBe(draftId);
    await studio.expectNoErrors();
    const second = await studio.exportYaml();
    expect(second.text).toBe(first.text);
    expect(parse(second.text)).toEqual(exported);
  });
});

test('undo and redo with the keyboard shortcuts, and undo still works after a reload', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.newScenario();
  const title = page.getByRole('textbox', { name: 'Scenario title' });
  await expect(studio.undoButton).toBeDisabled();

  await title.fill('A title worth keeping');
  await expect(studio.undoButton).toBeEnabled();
  await studio.expectSaved();
  // Undo and redo at once land back on the stored doc: the status must still end on Saved.
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Shift+Control+z');
  await expect(title).toHaveValue('A title worth keeping');
  await studio.expectSaved();

  await page.keyboard.press('Control+z');
  await expect(title).toHaveValue('Untitled scenario');
  await expect(studio.redoButton).toBeEnabled();
  await page.keyboard.press('Shift+Control+z');
  await expect(title).toHaveValue('A title worth keeping');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('A title worth keeping');

  // A structural edit is one step too: adding a node, undone, then redone.
  await page.getByRole('button', { name: 'Add ending' }).click();
  await studio.expectInspecting('ending-2');
  await page.keyboard.press('Control+z');
  await expect(studio.inspectorHeading).toContainText('Scenario settings');
  await expect(studio.mapSummary).toHaveText(/^2 nodes/);
  await page.keyboard.press('Shift+Control+z');
  await expect(studio.mapSummary).toHaveText(/^3 nodes/);
  await studio.expectSaved();

  // The session's history survives a reload.
  await page.reload();
  await expect(studio.inspectorHeading).toBeVisible();
  await expect(studio.mapSummary).toHaveText(/^3 nodes/);
  await expect(studio.undoButton).toBeEnabled();
  await expect(studio.redoButton).toBeDisabled();
  await page.keyboard.press('Control+z');
  await expect(studio.mapSummary).toHaveText(/^2 nodes/);
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('textbox', { name: 'Scenario title' })).toHaveValue('Untitled scenario');
  await page.keyboard.press('Shift+Control+z');
  await expect(page.getByRole('textbox', { name: 'Scenario title' })).toHaveValue('A title worth keeping');
  // The buttons do the same as the shortcuts.
  await studio.undoButton.click();
  await expect(page.getByRole('textbox', { name: 'Scenario title' })).toHaveValue('Untitled scenario');
  await studio.redoButton.click();
  await expect(page.getByRole('textbox', { name: 'Scenario title' })).toHaveValue('A title worth keeping');
});

test('a valid draft is in the trainee library marked Draft and plays; an invalid one is not listed', async ({ page }) => {
  const studio = new StudioPage(page);
  const play = new PlayPage(page);
  const validId = await studio.newScenario();
  await page.getByRole('textbox', { name: 'Scenario title' }).fill('Library check: a playable draft');
  await studio.expectSaved();

  // A second draft with an error (the start moment's client line is empty).
  await studio.newScenario();
  await page.getByRole('textbox', { name: 'Scenario title' }).fill('Library check: a broken draft');
  await studio.mapNode('opening').click();
  await page.getByRole('textbox', { name: 'Client line' }).fill('');
  await expect(studio.errorButtons).toHaveCount(1);
  await studio.expectSaved();

  await page.goto('./#/');
  const card = page.getByRole('article').filter({ has: page.getByRole('link', { name: 'Library check: a playable draft', exact: true }) });
  await expect(card).toBeVisible();
  await expect(card.getByText('Draft', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Library check: a broken draft' })).toHaveCount(0);

  await card.getByRole('link', { name: 'Library check: a playable draft' }).click();
  await expect(page).toHaveURL(new RegExp(`#/scenarios/${validId}$`));
  await expect(page.getByText(/Briefing · Draft/)).toBeVisible();
  await page
    .getByRole('main')
    .getByRole('link', { name: /^Start\b/ })
    .click();
  await play.playToEnd();
  await expect(page).toHaveURL(/#\/attempts\//);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

/*
 * The same journey with the keyboard alone, in stages (e2e/studio-journey.ts): each test imports
 * the draft the previous stage leaves (with the keyboard too) and ends by checking the export
 * against the next stage, so together they cover building, fixing and previewing by keyboard.
 */
test.describe('keyboard alone', () => {
  test('start a draft from the list, write the opening moment and link it to a new moment', async ({ page }) => {
    const studio = new StudioPage(page);
    const kb = page.keyboard;
    await studio.gotoList();
    await studio.activate(studio.newScenarioButton);
    await page.waitForURL(/#\/studio\/draft-[a-z0-9]+/);
    await expect(studio.inspectorHeading).toBeVisible();

    await studio.typeInto(page.getByRole('textbox', { name: 'Scenario title' }), TITLE);

    // Select the start moment on the map (Tab to its box, Enter); the inspector takes the focus.
    await studio.activate(studio.mapNode('opening'), { backwards: true });
    await studio.expectInspecting('opening');
    await expect(studio.inspectorHeading).toBeFocused();
    await studio.typeInto(page.getByRole('textbox', { name: 'Client line' }), TEXT.openingClient);
    const c1 = studio.choice(1);
    await studio.typeInto(c1.getByRole('textbox', { name: 'Response text' }), TEXT.openingInvite);
    // Next node: arrow to "New moment…" (nothing is created while browsing), Enter creates and links it.
    const next1 = c1.getByRole('combobox', { name: 'Next node' });
    await studio.tabTo(next1);
    await kb.press('End');
    await kb.press('ArrowUp');
    await kb.press('ArrowUp');
    await expect(studio.mapSummary).toHaveText(/^2 nodes/);
    await expect(page.getByText('Press Enter to create a new moment and link it.')).toBeVisible();
    await kb.press('Enter');
    await expect(next1).toHaveValue('moment-2');
    await expect(studio.mapSummary).toHaveText(/^3 nodes/);
    await expect(next1).toBeFocused();

    await expectStage(page, openingLinked());
  });

  test('give the first choice feedback, and add a directing choice', async ({ page }, testInfo) => {
    const studio = new StudioPage(page);
    const kb = page.keyboard;
    await openStage(page, testInfo, openingLinked());

    await studio.activate(studio.mapNode('opening'));
    await studio.expectInspecting('opening');
    const c1 = studio.choice(1);
    await studio.typeInto(c1.getByRole('textbox', { name: 'Feedback', exact: true }), TEXT.openingFeedback);

    // A directing choice; its feedback and partnering alternative are left for the Problems panel.
    await studio.activate(page.getByRole('button', { name: 'Add choice' }));
    const c2 = studio.choice(2);
    await expect(c2.getByRole('textbox', { name: 'Response text' })).toBeFocused();
    await kb.type(TEXT.directing);
    await kb.press('Tab');
    await expect(c2.getByRole('combobox', { name: 'Stance' })).toBeFocused();
    await kb.press('ArrowDown');
    await expect(c2.getByRole('combobox', { name: 'Stance' })).toHaveValue('directing');
    await kb.press('Tab');
    await expect(c2.getByRole('combobox', { name: 'Next node' })).toBeFocused();
    await kb.type('moment-2');
    await expect(c2.getByRole('combobox', { name: 'Next node' })).toHaveValue('moment-2');

    await expectStage(page, openingWritten());
  });

  test('write the second moment and link it to a new route node', async ({ page }, testInfo) => {
    const studio = new StudioPage(page);
    const kb = page.keyboard;
    await openStage(page, testInfo, openingWritten());

    await studio.activate(studio.mapNode('moment-2'));
    await studio.expectInspecting('moment-2');
    await studio.typeInto(page.getByRole('textbox', { name: 'Client line' }), TEXT.secondClient);
    const m2 = studio.choice(1);
    await studio.typeInto(m2.getByRole('textbox', { name: 'Response text' }), TEXT.secondResponse);
    await studio.typeInto(m2.getByRole('spinbutton', { name: 'Trust change' }), '10');
    const next2 = m2.getByRole('combobox', { name: 'Next node' });
    await studio.tabTo(next2, { backwards: true });
    await kb.press('End');
    await kb.press('ArrowUp');
    await kb.press('Enter');
    await expect(next2).toHaveValue('route-1');

    await expectStage(page, secondWritten());
  });

  test('give the route node a Trust condition into a new moment, and a fallback', async ({ page }, testInfo) => {
    const studio = new StudioPage(page);
    const kb = page.keyboard;
    await openStage(page, testInfo, secondWritten());

    // The route node: Trust at least 60 goes to a third moment; the fallback to the first ending.
    await studio.activate(studio.mapNode('route-1'));
    await studio.expectInspecting('route-1');
    await studio.activate(page.getByRole('button', { name: 'Add route', exact: true }));
    const r1 = studio.route(1);
    await expect(r1).toHaveAccessibleName('Route 1');
    await expect(r1.getByRole('combobox', { name: 'Trust condition' })).toHaveValue('gte');
    await studio.typeInto(r1.getByRole('spinbutton', { name: 'Trust threshold' }), '60');
    const rNext = r1.getByRole('combobox', { name: 'Next node' });
    await studio.tabTo(rNext);
    await kb.press('End');
    await kb.press('ArrowUp');
    await kb.press('ArrowUp');
    await kb.press('Enter');
    await expect(rNext).toHaveValue('moment-3');
    const fallbackNext = studio.route(2).getByRole('combobox', { name: 'Next node' });
    await studio.tabTo(fallbackNext);
    await kb.type('ending');
    await expect(fallbackNext).toHaveValue('ending');

    await expectStage(page, routeWritten());
  });

  test('write the third moment and a new breakthrough ending', async ({ page }, testInfo) => {
    const studio = new StudioPage(page);
    const kb = page.keyboard;
    await openStage(page, testInfo, routeWritten());

    await studio.activate(studio.mapNode('moment-3'));
    await studio.expectInspecting('moment-3');
    await studio.typeInto(page.getByRole('textbox', { name: 'Client line' }), TEXT.thirdClient);
    const m3 = studio.choice(1);
    await studio.typeInto(m3.getByRole('textbox', { name: 'Response text' }), TEXT.thirdResponse);
    const next3 = m3.getByRole('combobox', { name: 'Next node' });
    await studio.tabTo(next3);
    await kb.press('End');
    await kb.press('Enter');
    await expect(next3).toHaveValue('ending-2');
    await studio.activate(m3.getByRole('button', { name: 'Open ending-2' }));
    await studio.expectInspecting('ending-2');
    const outcome = page.getByRole('combobox', { name: 'Outcome' });
    await studio.tabTo(outcome);
    await kb.press('Home');
    await expect(outcome).toHaveValue('breakthrough');
    await studio.typeInto(page.getByRole('textbox', { name: 'Client line' }), TEXT.endingClient);
    await studio.typeInto(page.getByRole('textbox', { name: 'Ending summary' }), TEXT.endingSummary);

    await expectStage(page, endingWritten());
  });

  test('fix what the Problems panel lists', async ({ page }, testInfo) => {
    const studio = new StudioPage(page);
    await openStage(page, testInfo, endingWritten());

    // Tab to each error, Enter focuses its field, type the fix.
    await expect(studio.errorButtons).toHaveCount(2);
    const fixes: Record<string, string> = {
      'field-nodes.opening.choices.1.feedback': TEXT.directingFeedback,
      'field-nodes.opening.choices.1.partneringAlternative': TEXT.directingAlternative,
    };
    for (let left = 2; left > 0; left--) {
      await studio.activate(studio.errorButtons.first());
      const id = (await page.locator(':focus').getAttribute('id')) ?? '';
      expect(Object.keys(fixes), `the problem focused ${id}`).toContain(id);
      await page.keyboard.type(fixes[id]!);
      await expect(studio.errorButtons).toHaveCount(left - 1);
    }
    await studio.expectNoErrors();

    await expectStage(page, problemsFixed());
  });

  test('preview from the start and play to the breakthrough ending', async ({ page }, testInfo) => {
    const studio = new StudioPage(page);
    await openStage(page, testInfo, problemsFixed());
    await studio.expectNoErrors();

    await studio.activate(studio.previewLink, { backwards: true });
    await expect(page).toHaveURL(/#\/preview\/draft-/);
    const play = new PlayPage(page);
    for (const text of [TEXT.openingInvite, TEXT.secondResponse, TEXT.thirdResponse]) {
      await play.waitForTurn();
      await studio.activate(play.choices.filter({ hasText: text }));
      await expect(play.feedbackHeading).toBeVisible();
      await studio.activate(play.continueButton);
    }
    await expect(page.getByRole('heading', { name: 'Ending: Breakthrough' })).toBeVisible();
    await expect(page.getByText(TEXT.endingClient)).toBeVisible();
  });
});

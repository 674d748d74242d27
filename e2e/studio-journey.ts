import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { parse } from 'yaml';
import {
  addChoice,
  addNode,
  addRoute,
  blankScenario,
  updateChoice,
  updateMeta,
  updateNode,
  updateRoute,
  type DraftDoc,
} from '../src/domain/edit/ops';
import { StudioPage } from './pages/studio-page';

/*
 * The keyboard-only authoring journey in stages. Each stage is the draft an author has after
 * typing the previous stages, built with the same pure edit operations the studio runs. A test
 * starts from its stage by importing it through the list page's own import, and ends by checking
 * the YAML export against the next stage, so consecutive tests meet exactly: together they cover
 * the whole journey, each well inside the default timeout.
 */

export const TITLE = 'Keyboard-built: the stretched founder';

export const TEXT = {
  openingClient: 'Every investor call ends with me promising more.',
  openingInvite: 'What would you like to leave here with today?',
  openingFeedback: 'Lets the client name what the session is for.',
  directing: 'Cancel two of those calls this week.',
  secondClient: 'I do not know how to say no to the people who fund us.',
  secondResponse: 'What would saying no cost you, and what would it give you?',
  thirdClient: 'Maybe I could ask for a month without new promises.',
  thirdResponse: 'What would that month make possible?',
  endingClient: 'I will write to the board tonight.',
  endingSummary: 'The founder chose a boundary and a first step.',
  directingFeedback: 'Hands the client a plan before they have said what they want.',
  directingAlternative: 'What would you like to do about those calls?',
} as const;

/** Stage 1: title, the opening moment with a partnering choice into a new moment-2 and a directing one. */
export function openingWritten(): DraftDoc {
  let doc = updateMeta(blankScenario(), { title: TITLE });
  doc = updateNode(doc, 'opening', { client: TEXT.openingClient });
  doc = updateChoice(doc, 'opening', 0, { text: TEXT.openingInvite });
  doc = addNode(doc, 'moment', { linkFrom: { nodeId: 'opening', choiceIndex: 0 } }).doc;
  doc = updateChoice(doc, 'opening', 0, { feedback: TEXT.openingFeedback });
  doc = addChoice(doc, 'opening');
  return updateChoice(doc, 'opening', 1, { text: TEXT.directing, stance: 'directing', next: 'moment-2' });
}

/** Stage 2: moment-2 written, its choice raising Trust by 10 into a new route node. */
export function secondWritten(): DraftDoc {
  let doc = updateNode(openingWritten(), 'moment-2', { client: TEXT.secondClient });
  doc = updateChoice(doc, 'moment-2', 0, { text: TEXT.secondResponse, effects: { trust: 10 } });
  return addNode(doc, 'route', { linkFrom: { nodeId: 'moment-2', choiceIndex: 0 } }).doc;
}

/** Stage 3: route-1 sends Trust ≥ 60 to a new moment-3, everything else to the first ending. */
export function routeWritten(): DraftDoc {
  let doc = addRoute(secondWritten(), 'route-1');
  doc = updateRoute(doc, 'route-1', 0, { when: { trust: { gte: 60 } } });
  doc = addNode(doc, 'moment', { linkFrom: { nodeId: 'route-1', routeIndex: 0 } }).doc;
  return updateRoute(doc, 'route-1', 1, { next: 'ending' });
}

/** Stage 4: moment-3 leads to a new breakthrough ending; two errors are left for the Problems panel. */
export function endingWritten(): DraftDoc {
  let doc = updateNode(routeWritten(), 'moment-3', { client: TEXT.thirdClient });
  doc = updateChoice(doc, 'moment-3', 0, { text: TEXT.thirdResponse });
  doc = addNode(doc, 'ending', { linkFrom: { nodeId: 'moment-3', choiceIndex: 0 } }).doc;
  return updateNode(doc, 'ending-2', { outcome: 'breakthrough', client: TEXT.endingClient, summary: TEXT.endingSummary });
}

/** Stage 5: the directing choice's feedback and partnering alternative written: no errors left. */
export function problemsFixed(): DraftDoc {
  return updateChoice(endingWritten(), 'opening', 1, { feedback: TEXT.directingFeedback, partneringAlternative: TEXT.directingAlternative });
}

/**
 * Start from a stage: import it on the list page with the keyboard (Choose a file…, then the
 * result's Open link) and wait for the editor. Returns the new draft's id.
 */
export async function openStage(page: Page, testInfo: TestInfo, doc: DraftDoc): Promise<string> {
  const studio = new StudioPage(page);
  const file = testInfo.outputPath('stage.json');
  writeFileSync(file, JSON.stringify(doc));
  await studio.gotoList();
  const chooser = page.waitForEvent('filechooser');
  await studio.activate(studio.chooseFileButton);
  await (await chooser).setFiles(file);
  const open = studio.importResults.getByRole('link', { name: `Open ${doc.title}` });
  await expect(open).toBeVisible();
  await studio.activate(open);
  await page.waitForURL(/#\/studio\/draft-[a-z0-9]+/);
  await expect(studio.inspectorHeading).toBeVisible();
  return studio.draftId();
}

/** Export YAML with the keyboard once the draft is saved, and expect exactly the stage's doc. */
export async function expectStage(page: Page, stage: DraftDoc): Promise<void> {
  const studio = new StudioPage(page);
  await studio.expectSaved();
  const download = page.waitForEvent('download');
  await studio.activate(studio.exportYamlButton, { backwards: true });
  const path = await (await download).path();
  expect(parse(await readFile(path, 'utf8'))).toEqual(stage);
}

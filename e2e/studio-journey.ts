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
 * The authoring journeys (keyboard alone, and with the mouse) in stages. Each stage is the draft an author has after
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

/** Stage 1: title, the opening moment's client line and its choice into a new moment-2. */
export function openingLinked(): DraftDoc {
  let doc = updateMeta(blankScenario(), { title: TITLE });
  doc = updateNode(doc, 'opening', { client: TEXT.openingClient });
  doc = updateChoice(doc, 'opening', 0, { text: TEXT.openingInvite });
  return addNode(doc, 'moment', { linkFrom: { nodeId: 'opening', choiceIndex: 0 } }).doc;
}

/** Stage 2: the first choice's feedback, and a directing choice into moment-2 too. */
export function openingWritten(): DraftDoc {
  let doc = updateChoice(openingLinked(), 'opening', 0, { feedback: TEXT.openingFeedback });
  doc = addChoice(doc, 'opening');
  return updateChoice(doc, 'opening', 1, { text: TEXT.directing, stance: 'directing', next: 'moment-2' });
}

/** Stage 3: moment-2 written, its choice raising Trust by 10 into a new route node. */
export function secondWritten(): DraftDoc {
  let doc = updateNode(openingWritten(), 'moment-2', { client: TEXT.secondClient });
  doc = updateChoice(doc, 'moment-2', 0, { text: TEXT.secondResponse, effects: { trust: 10 } });
  return addNode(doc, 'route', { linkFrom: { nodeId: 'moment-2', choiceIndex: 0 } }).doc;
}

/** Stage 4: route-1 sends Trust ≥ 60 to a new moment-3, everything else to the first ending. */
export function routeWritten(): DraftDoc {
  let doc = addRoute(secondWritten(), 'route-1');
  doc = updateRoute(doc, 'route-1', 0, { when: { trust: { gte: 60 } } });
  doc = addNode(doc, 'moment', { linkFrom: { nodeId: 'route-1', routeIndex: 0 } }).doc;
  return updateRoute(doc, 'route-1', 1, { next: 'ending' });
}

/** Stage 5: moment-3 leads to a new breakthrough ending; two errors are left for the Problems panel. */
export function endingWritten(): DraftDoc {
  let doc = updateNode(routeWritten(), 'moment-3', { client: TEXT.thirdClient });
  doc = updateChoice(doc, 'moment-3', 0, { text: TEXT.thirdResponse });
  doc = addNode(doc, 'ending', { linkFrom: { nodeId: 'moment-3', choiceIndex: 0 } }).doc;
  return updateNode(doc, 'ending-2', { outcome: 'breakthrough', client: TEXT.endingClient, summary: TEXT.endingSummary });
}

/** Stage 6: the directing choice's feedback and partnering alternative written: no errors left. */
export function problemsFixed(): DraftDoc {
  return updateChoice(endingWritten(), 'opening', 1, {
    feedback: TEXT.directingFeedback,
    partneringAlternative: TEXT.directingAlternative,
  });
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

/** Export YAML once the draft is saved (with the keyboard, or a click), and expect exactly the stage's doc. */
export async function expectStage(page: Page, stage: DraftDoc, by: 'keyboard' | 'mouse' = 'keyboard'): Promise<void> {
  const studio = new StudioPage(page);
  await studio.expectSaved();
  if (by === 'mouse') return void expect(parse((await studio.exportYaml()).text)).toEqual(stage);
  const download = page.waitForEvent('download');
  await studio.activate(studio.exportYamlButton, { backwards: true });
  const path = await (await download).path();
  expect(parse(await readFile(path, 'utf8'))).toEqual(stage);
}

// ---- the mouse journey ----

export const MOUSE_TITLE = 'Mouse-built: the overloaded manager';

export const CLIENT = {
  opening: 'I keep saying yes to everything, and now I am drowning.',
  second: 'Maybe I should just work weekends for a while.',
  third: 'I think I could protect Friday afternoons.',
  ending: 'I guess I will just keep going as I am.',
  breakthrough: 'I am going to tell my manager about Fridays tomorrow.',
} as const;

export const MOUSE_TEXT = {
  invite: 'What would make our time today worth it for you?',
  inviteFeedback: 'Hands the agenda to the client, so what follows is theirs.',
  directing: 'You need to start saying no. Make a list tonight.',
  directingFeedback: 'Prescribes the answer before the client has explored what yes costs them.',
  directingAlternative: 'What happens for you just before you say yes?',
  rescuing: 'Send me the weekend tasks and I will sort them for you.',
  third: 'What would protecting Friday make possible?',
  thirdFeedback: 'Follows the client’s own idea and asks what it opens up.',
  stalledSummary: 'The client left with the same overload they brought.',
} as const;

/** What the mouse test types into a field the Problems panel sends it to, by the field's path. */
export function textFor(id: string): string {
  const field = id.split('.').pop()!;
  const node = id.split('.')[1];
  switch (field) {
    case 'client':
      return node === 'moment-2' ? CLIENT.second : node === 'moment-3' ? CLIENT.third : CLIENT.breakthrough;
    case 'text':
      return 'What would working weekends give you?';
    case 'feedback':
      return 'Taking the task over moves the ownership to the coach before the client has said what they need.';
    case 'partneringAlternative':
      return 'What would you like to keep for yourself?';
    case 'summary':
      return 'The client named one boundary and a first step to hold it.';
    default:
      throw new Error(`the test does not know what to type into ${id}`);
  }
}

/**
 * Built with the mouse: three moments, a route on Trust ≥ 60, a breakthrough and a stalled
 * ending. Seven fields are left empty for the Problems panel (FIXED_BY_MOUSE).
 */
export function mouseBuilt(): DraftDoc {
  let doc = updateMeta(blankScenario(), { title: MOUSE_TITLE });
  doc = updateNode(doc, 'opening', { client: CLIENT.opening });
  doc = updateChoice(doc, 'opening', 0, { text: MOUSE_TEXT.invite, feedback: MOUSE_TEXT.inviteFeedback });
  doc = addNode(doc, 'moment', { linkFrom: { nodeId: 'opening', choiceIndex: 0 } }).doc;
  doc = addChoice(doc, 'opening');
  doc = updateChoice(doc, 'opening', 1, {
    text: MOUSE_TEXT.directing,
    stance: 'directing',
    feedback: MOUSE_TEXT.directingFeedback,
    partneringAlternative: MOUSE_TEXT.directingAlternative,
    next: 'moment-2',
  });
  doc = updateChoice(doc, 'moment-2', 0, { effects: { trust: 10 } });
  doc = addNode(doc, 'route', { linkFrom: { nodeId: 'moment-2', choiceIndex: 0 } }).doc;
  doc = addChoice(doc, 'moment-2');
  doc = updateChoice(doc, 'moment-2', 1, { text: MOUSE_TEXT.rescuing, stance: 'rescuing', next: 'route-1' });
  doc = addRoute(doc, 'route-1');
  doc = updateRoute(doc, 'route-1', 0, { when: { trust: { gte: 60 } } });
  doc = addNode(doc, 'moment', { linkFrom: { nodeId: 'route-1', routeIndex: 0 } }).doc;
  doc = updateRoute(doc, 'route-1', 1, { next: 'ending' });
  doc = updateChoice(doc, 'moment-3', 0, { text: MOUSE_TEXT.third, feedback: MOUSE_TEXT.thirdFeedback });
  doc = addNode(doc, 'ending', { linkFrom: { nodeId: 'moment-3', choiceIndex: 0 } }).doc;
  doc = updateNode(doc, 'ending-2', { outcome: 'breakthrough' });
  return updateNode(doc, 'ending', { outcome: 'stalled', client: CLIENT.ending, summary: MOUSE_TEXT.stalledSummary });
}

/** The fields the Problems panel sends the mouse test to, in any order. */
export const FIXED_BY_MOUSE = [
  'field-nodes.ending-2.client',
  'field-nodes.ending-2.summary',
  'field-nodes.moment-2.choices.0.text',
  'field-nodes.moment-2.choices.1.feedback',
  'field-nodes.moment-2.choices.1.partneringAlternative',
  'field-nodes.moment-2.client',
  'field-nodes.moment-3.client',
] as const;

/** mouseBuilt with every problem fixed (textFor each of FIXED_BY_MOUSE). */
export function mouseFixed(): DraftDoc {
  let doc = mouseBuilt();
  doc = updateNode(doc, 'moment-2', { client: textFor('field-nodes.moment-2.client') });
  doc = updateChoice(doc, 'moment-2', 0, { text: textFor('field-nodes.moment-2.choices.0.text') });
  doc = updateChoice(doc, 'moment-2', 1, {
    feedback: textFor('field-nodes.moment-2.choices.1.feedback'),
    partneringAlternative: textFor('field-nodes.moment-2.choices.1.partneringAlternative'),
  });
  doc = updateNode(doc, 'moment-3', { client: textFor('field-nodes.moment-3.client') });
  return updateNode(doc, 'ending-2', { client: textFor('field-nodes.ending-2.client'), summary: textFor('field-nodes.ending-2.summary') });
}

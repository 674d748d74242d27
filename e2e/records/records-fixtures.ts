import type { Page } from '@playwright/test';
import { test as base, expect } from '../fixtures';
import { PlayPage } from '../pages/play-page';
import { LmsStandIn, type Statement } from './lms';
import { startLrs, type RunningLrs } from './lrs';

interface WorkerFixtures {
  /** The real LRS (xapi-statements, in memory) for this worker, stopped by PID afterwards. */
  lrs: RunningLrs;
  /** The LMS stand-in in front of it (fetch URL, State API, statements proxy). */
  lms: LmsStandIn;
}

export const test = base.extend<object, WorkerFixtures>({
  // Installing the LRS on a fresh clone takes about two minutes; starting it, one to two seconds.
  lrs: [
    // Playwright reads the fixture's dependencies from this (empty) pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const lrs = await startLrs();
      await use(lrs);
      await lrs.stop();
    },
    { scope: 'worker', timeout: 240_000 },
  ],
  lms: [
    async ({ lrs }, use) => {
      const lms = await LmsStandIn.start(lrs.endpoint);
      await use(lms);
      await lms.stop();
    },
    { scope: 'worker' },
  ],
});

export { expect };

export const EXT = 'https://catalyst.example/xapi/extensions/';
export const verbOf = (s: Statement) => s.verb.display?.['en-US'] ?? s.verb.id.split('/').at(-1)!;

/** Statements stored in the LRS for a registration, once `done` holds for them. */
export async function statementsWhen(
  lms: LmsStandIn,
  registration: string,
  done: (s: Statement[]) => boolean,
  timeout = 20_000,
): Promise<Statement[]> {
  let last: Statement[] = [];
  await expect
    .poll(
      async () => {
        last = await lms.statements(registration);
        return done(last);
      },
      { timeout, message: 'statements in the LRS' },
    )
    .toBe(true);
  return last;
}

/**
 * Play a launched scenario from its briefing to the debrief. At each moment `pick(turn, count)`
 * chooses which displayed response to take. Returns the stance of each choice, as the feedback
 * named it.
 */
export async function playThrough(page: Page, pick: (turn: number, count: number) => number): Promise<string[]> {
  const play = new PlayPage(page);
  const stances: string[] = [];
  await play.startFromBriefing();
  for (let turn = 0; turn < 40 && !(await play.atDebrief()); turn++) {
    await play.waitForTurn();
    if (await play.atDebrief()) break;
    if (await play.feedbackHeading.isVisible()) {
      await play.continueButton.click();
      continue;
    }
    await play.choose(pick(turn, (await play.choiceTexts()).length));
    await expect(play.feedbackHeading).toBeVisible();
    stances.push((await play.stance()).toLowerCase());
  }
  await page.waitForURL(/#\/attempts\//);
  return stances;
}

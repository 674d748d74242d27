import { expect, test } from './fixtures';

// (g) A full run makes no request beyond the app's own origin.
test('a full run talks to no other origin', async ({ library, briefing, play, debrief, progress, foreignRequests }) => {
  await library.goto();
  await library.openFirstScenario();
  await briefing.start.click();
  await play.playToEnd();
  await debrief.waitForOpen();
  await progress.goto();
  expect(foreignRequests).toEqual([]);
});

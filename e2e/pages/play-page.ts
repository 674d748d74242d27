import { expect, type Locator, type Page } from '@playwright/test';

/** The conversation screen: choices, feedback panel, transcript, meters. */
export class PlayPage {
  readonly choicesHeading: Locator;
  readonly choices: Locator;
  readonly feedbackHeading: Locator;
  readonly feedback: Locator;
  readonly continueButton: Locator;
  readonly retryButton: Locator;
  readonly transcript: Locator;
  readonly meters: Locator;
  constructor(readonly page: Page) {
    this.choicesHeading = page.getByRole('heading', { name: 'Your response' });
    this.choices = page.getByRole('region', { name: 'Your response' }).getByRole('button');
    this.feedbackHeading = page.getByRole('heading', { name: 'Feedback', exact: true });
    this.feedback = page.getByRole('region', { name: 'Feedback', exact: true });
    this.continueButton = this.feedback.getByRole('button', { name: 'Continue' });
    this.retryButton = this.feedback.getByRole('button', { name: 'Try a different response' });
    this.transcript = page.getByRole('list', { name: 'Conversation' });
    this.meters = page.getByRole('complementary');
  }
  async goto(scenarioId: string) {
    await this.page.goto(`./#/scenarios/${scenarioId}/play`);
    await this.waitForTurn();
  }
  /** From a scenario's briefing: press Start and wait for the first turn. */
  async startFromBriefing() {
    await this.page
      .getByRole('main')
      .getByRole('link', { name: /^Start\b/ })
      .click();
    await this.waitForTurn();
  }
  /** Wait until the page shows either responses to pick, feedback, or the end of the run. */
  async waitForTurn() {
    await expect(
      this.choicesHeading.or(this.feedbackHeading).or(this.page.getByRole('heading', { level: 1 }).filter({ hasText: /debrief/i })),
    ).toBeVisible();
  }
  async choiceTexts(): Promise<string[]> {
    return (await this.choices.allTextContents()).map((t) => t.trim());
  }
  async choose(index = 0): Promise<string> {
    const button = this.choices.nth(index);
    const text = (await button.textContent())!.trim();
    await button.click();
    return text;
  }
  /** The stance named in the feedback panel ("Partnering", "Directing", ...). */
  async stance(): Promise<string> {
    const line = this.feedback
      .locator('p')
      .filter({ hasText: /^\s*Stance:/ })
      .first();
    return (await line.textContent())!.replace('Stance:', '').trim();
  }
  transcriptText(): Promise<string> {
    return this.transcript.innerText();
  }
  metersText(): Promise<string> {
    return this.meters.innerText();
  }
  async atDebrief(): Promise<boolean> {
    return /#\/attempts\//.test(this.page.url());
  }
  /** Choose (first response by default), read feedback, continue, until the debrief opens. */
  async playToEnd(pick: (texts: string[]) => number = () => 0, maxTurns = 60) {
    for (let i = 0; i < maxTurns; i++) {
      if (await this.atDebrief()) return;
      await this.waitForTurn();
      if (await this.atDebrief()) return;
      if (await this.feedbackHeading.isVisible()) {
        await this.continueButton.click();
        continue;
      }
      await this.choose(pick(await this.choiceTexts()));
      await expect(this.feedbackHeading.or(this.page.getByRole('status'))).toBeVisible();
    }
    await this.page.waitForURL(/#\/attempts\//);
  }
}

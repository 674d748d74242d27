import type { Locator, Page } from '@playwright/test';

export class BriefingPage {
  readonly start: Locator;
  readonly resume: Locator;
  constructor(readonly page: Page) {
    this.start = page.getByRole('main').getByRole('link', { name: /^Start\b/ });
    this.resume = page
      .getByRole('main')
      .getByRole('link', { name: /^Resume\b/ })
      .first();
  }
  async goto(scenarioId: string) {
    await this.page.goto(`./#/scenarios/${scenarioId}`);
    await this.page.getByRole('heading', { level: 1 }).waitFor();
  }
  heading(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: title });
  }
}

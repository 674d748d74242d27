import type { Locator, Page } from '@playwright/test';

export class ProgressPage {
  readonly heading: Locator;
  readonly attempts: Locator;
  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Your progress' });
    this.attempts = page.getByRole('heading', { name: 'Attempts' });
  }
  async goto() {
    await this.page.goto('./#/progress');
    await this.heading.waitFor();
  }
}

import type { Locator, Page } from '@playwright/test';

export class DebriefPage {
  readonly heading: Locator;
  readonly path: Locator;
  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.path = page.getByRole('heading', { name: 'Your path' });
  }
  async waitForOpen() {
    await this.page.waitForURL(/#\/attempts\//);
    await this.heading.waitFor();
  }
}

import type { Locator, Page } from '@playwright/test';

export class LibraryPage {
  readonly heading: Locator;
  readonly list: Locator;
  readonly search: Locator;
  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Scenario library' });
    this.list = page.getByRole('list', { name: 'Scenarios' });
    this.search = page.getByRole('searchbox', { name: 'Search scenarios' }).or(page.getByRole('textbox', { name: 'Search scenarios' }));
  }
  async goto() {
    await this.page.goto('./#/');
    await this.heading.waitFor();
  }
  /** Scenario title links, in the order shown. */
  scenarioLinks(): Locator {
    return this.list.getByRole('heading', { level: 2 }).getByRole('link');
  }
  async openFirstScenario(): Promise<string> {
    const link = this.scenarioLinks().first();
    const title = (await link.textContent())!.trim();
    await link.click();
    return title;
  }
  async openScenario(title: string) {
    await this.list.getByRole('link', { name: title, exact: true }).click();
  }
}

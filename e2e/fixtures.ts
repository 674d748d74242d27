import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { BriefingPage } from './pages/briefing-page';
import { DebriefPage } from './pages/debrief-page';
import { LibraryPage } from './pages/library-page';
import { PlayPage } from './pages/play-page';
import { ProgressPage } from './pages/progress-page';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Axe violations on the page as readable lines (empty when clean). */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, ' ')})` : ''}`,
    ),
  );
}

interface Fixtures {
  library: LibraryPage;
  briefing: BriefingPage;
  play: PlayPage;
  debrief: DebriefPage;
  progress: ProgressPage;
  /** Every request the page made to another origin. */
  foreignRequests: string[];
}

export const test = base.extend<Fixtures>({
  library: async ({ page }, use) => use(new LibraryPage(page)),
  briefing: async ({ page }, use) => use(new BriefingPage(page)),
  play: async ({ page }, use) => use(new PlayPage(page)),
  debrief: async ({ page }, use) => use(new DebriefPage(page)),
  progress: async ({ page }, use) => use(new ProgressPage(page)),
  foreignRequests: async ({ page, baseURL }, use) => {
    const own = new URL(baseURL!).origin;
    const foreign: string[] = [];
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(own) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
    });
    await use(foreign);
  },
});

export { expect };

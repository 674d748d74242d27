import type { Page } from '@playwright/test';

/**
 * A renderer crash runs no handlers: simulate it by never delivering `pagehide` or
 * `visibilitychange` to the page, so nothing the page does on leaving can save it. Used by the
 * studio fault e2e and by `scripts/studio-fault-trials.ts`.
 */
export async function withoutLeaveEvents(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const add = EventTarget.prototype.addEventListener;
    EventTarget.prototype.addEventListener = function (
      this: EventTarget,
      type: string,
      ...rest: [EventListenerOrEventListenerObject | null, (boolean | AddEventListenerOptions)?]
    ) {
      if (type === 'pagehide' || type === 'visibilitychange') return;
      add.call(this, type, ...rest);
    };
  });
}

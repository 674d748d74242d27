import { act, render, type RenderResult } from '@testing-library/react';
import { Suspense, type ReactElement } from 'react';
import { clearResources } from '../persistence/resource';

/**
 * Pages read data with `use()` inside the router's Suspense boundaries (src/app/router.tsx); tests
 * render them inside one too. Rendering inside an async act() lets the first load settle and the
 * page replace the fallback (outside act, React's test mode would leave the fallback up).
 */
export async function renderSuspended(ui: ReactElement): Promise<RenderResult> {
  let result: RenderResult | undefined;
  await act(async () => {
    result = render(<Suspense fallback={<p>Loading…</p>}>{ui}</Suspense>);
  });
  return result!;
}

/** Each test starts from an empty resource cache, so a test never sees an earlier test's loads. */
export const freshResources = clearResources;

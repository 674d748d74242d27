import { registerScenarioSource } from './scenarios';

/**
 * Studio drafts appear in the trainee library (marked Draft). The IndexedDB code loads only when
 * the library first asks, so it stays out of the trainee's first download.
 */
const source = () => import('./drafts-source').then((m) => m.draftsSource);

let registered = false;
/** Called once at app start (main.tsx). */
export function registerDraftsSource(): void {
  if (registered) return;
  registered = true;
  registerScenarioSource({
    list: () => source().then((s) => s.list()),
    load: (id) => source().then((s) => s.load(id)),
  });
}

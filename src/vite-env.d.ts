/// <reference types="vite/client" />

declare module 'virtual:catalyst/scenarios' {
  import type { PartneringPath, Scenario, ScenarioSummary } from './domain';
  export const summaries: readonly ScenarioSummary[];
  export function loadScenario(id: string): Promise<{ scenario: Scenario; version: string; partneringPath?: PartneringPath } | undefined>;
}

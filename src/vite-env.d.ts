/// <reference types="vite/client" />

declare module 'virtual:catalyst/scenarios' {
  import type { Scenario, ScenarioSummary } from './domain';
  export const summaries: readonly ScenarioSummary[];
  export function loadScenario(id: string): Promise<{ scenario: Scenario; version: string } | undefined>;
}

import { aggregateCohort, newReadResult, readFileText, readJson, type CohortReport, type CohortScenario } from '../../engine/cohort';

/** A file the instructor dropped, or the statements fetched from an LRS. */
export type CohortSource =
  { readonly name: string; readonly file: Blob } | { readonly name: string; readonly statements: readonly unknown[] };

export interface CohortJob {
  readonly sources: readonly CohortSource[];
  readonly scenarios: readonly CohortScenario[];
}

/** Read every source (files are read and parsed here: JSON.parse is most of the work) and add up. */
export async function aggregateSources({ sources, scenarios }: CohortJob): Promise<CohortReport> {
  const read = newReadResult();
  for (const s of sources) {
    if ('file' in s) readFileText(read, s.name, await s.file.text());
    else {
      read.files++;
      readJson(read, s.name, s.statements);
    }
  }
  return aggregateCohort(read, scenarios);
}

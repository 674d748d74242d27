import { useState } from 'react';
import type { DraftDoc } from '../../domain/edit/ops';
import { downloadText } from '../../lib/download';
import { exportFilename, exportMachineJson, exportYaml } from './io';

/** Download the draft; returns a message when it cannot be exported in that format. */
function exportDoc(doc: DraftDoc, format: 'yaml' | 'json', errors: number): string | undefined {
  try {
    if (format === 'yaml') downloadText(exportFilename(doc, 'yaml'), exportYaml(doc), 'application/yaml');
    else {
      if (errors)
        return `The XState export needs a scenario that plays: fix the ${errors === 1 ? 'error' : `${errors} errors`} in the problems panel first (YAML export works now).`;
      downloadText(exportFilename(doc, 'json'), exportMachineJson(doc), 'application/json');
    }
    return undefined;
  } catch (e) {
    return `Export failed: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/**
 * Export as YAML or XState JSON. `message` says why the last export (or another action that
 * reports here) failed; a success is announced instead.
 */
export function useExport(doc: DraftDoc, errors: number, announce: (m: string) => void) {
  const [message, setMessage] = useState<string>();
  const exportAs = (format: 'yaml' | 'json') => {
    const err = exportDoc(doc, format, errors);
    setMessage(err);
    if (!err) announce(`Exported ${format === 'yaml' ? 'YAML' : 'XState JSON'}.`);
  };
  return { exportAs, message, setMessage };
}

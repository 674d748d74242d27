import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { DraftDoc } from '../../domain/edit/ops';

/**
 * The node open in the inspector. It survives a reload through sessionStorage (this tab only); a
 * link may also name one with ?node=. Not mirrored into the URL: history.replaceState cost ~90 ms
 * per selection in Chromium, a router navigation more. A selection that names no node of the doc
 * (deleted, renamed, undone) reads as none.
 */
export function useSelection(draftId: string, nodes: DraftDoc['nodes']) {
  const [params] = useSearchParams();
  const [selectedParam, setSelected] = useState(() => params.get('node') ?? readSelection(draftId));
  const selectedId = selectedParam && Object.hasOwn(nodes, selectedParam) ? selectedParam : undefined;
  useEffect(() => writeSelection(draftId, selectedId), [draftId, selectedId]);
  return { selectedId, setSelected };
}

const selectionKey = (draftId: string) => `catalyst.selection.${draftId}`;

function readSelection(draftId: string): string | undefined {
  try {
    return sessionStorage.getItem(selectionKey(draftId)) ?? undefined;
  } catch {
    return undefined;
  }
}

function writeSelection(draftId: string, nodeId: string | undefined) {
  try {
    if (nodeId) sessionStorage.setItem(selectionKey(draftId), nodeId);
    else sessionStorage.removeItem(selectionKey(draftId));
  } catch {
    /* storage unavailable: selection simply isn't restored */
  }
}

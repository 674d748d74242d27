import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { Problem } from '../../domain/problem';
import { findFieldElement } from './field-paths';

export type FocusRequest = { kind: 'heading' } | { kind: 'path'; path: Problem['path'] };

/**
 * Ask for the focus to move to the inspector's heading or to a field; it moves after the
 * inspector has rendered the requested node, opening any closed sections around the field.
 * Each request is numbered, so asking twice for the same place moves the focus twice.
 */
export function useFocusRequest(rootRef: RefObject<HTMLElement | null>) {
  const [focus, setFocus] = useState<FocusRequest & { n: number }>();
  useEffect(() => {
    if (!focus) return;
    const el =
      focus.kind === 'heading' ? document.getElementById('inspector-heading') : findFieldElement(focus.path, rootRef.current ?? document);
    if (!el) return;
    for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
    el.focus();
    el.scrollIntoView?.({ block: 'center' });
  }, [focus, rootRef]);
  return useCallback((request: FocusRequest) => setFocus((f) => ({ ...request, n: (f?.n ?? 0) + 1 })), []);
}

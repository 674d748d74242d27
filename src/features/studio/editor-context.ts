import { createContext, useContext } from 'react';
import type { DraftDoc } from '../../domain/edit/ops';
import type { Problem } from '../../domain/problem';

export type ApplyResult = { ok: true } | { ok: false; message: string };

export interface EditorApi {
  readonly draftId: string;
  readonly doc: DraftDoc;
  /**
   * Run a pure edit op on the current doc and commit it to history. EditErrors come back as
   * messages. `label` names the undo step ("delete moment-3"; a function is read after the op
   * ran); without one, typing is labelled by its field and other steps by their announcement.
   */
  apply(
    change: (doc: DraftDoc) => DraftDoc,
    opts?: { coalesceKey?: string; announce?: string; label?: string | (() => string) },
  ): ApplyResult;
  /** Select a node (undefined: the scenario panel); focus: move keyboard focus to the inspector heading. */
  select(nodeId: string | undefined, opts?: { focus?: boolean }): void;
  readonly selectedId: string | undefined;
  /** Problems keyed by field id (see field-paths.ts), for inline messages. */
  readonly fieldProblems: ReadonlyMap<string, readonly Problem[]>;
  /** Say something to screen-reader users (polite live region). */
  announce(message: string): void;
}

export const EditorContext = createContext<EditorApi | null>(null);

export function useEditor(): EditorApi {
  const api = useContext(EditorContext);
  if (!api) throw new Error('useEditor outside <EditorContext.Provider>');
  return api;
}

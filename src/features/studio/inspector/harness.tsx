/** Test-only: the inspector inside a minimal editor (plain state, no history, no storage). */
import { useMemo, useRef, useState } from 'react';
import { MemoryRouter } from 'react-router';
import { EditError, type DraftDoc } from '../../../domain/edit/ops';
import { EditorContext, type EditorApi } from '../editor-context';
import { problemsByField } from '../field-paths';
import { useProblems } from '../use-problems';
import { Inspector } from './inspector';

export function Harness(props: { initial: DraftDoc; selected?: string; onDoc?: (doc: DraftDoc) => void }) {
  const [doc, setDoc] = useState(props.initial);
  const ref = useRef(doc);
  const [selectedId, setSelected] = useState(props.selected);
  const [message, setMessage] = useState('');
  const { problems } = useProblems(doc, 0);
  const fieldProblems = useMemo(() => problemsByField(problems), [problems]);
  const api: EditorApi = {
    draftId: 'draft-1',
    doc,
    selectedId,
    fieldProblems,
    announce: setMessage,
    select: (id) => setSelected(id),
    apply: (change, opts) => {
      try {
        const next = change(ref.current);
        ref.current = next;
        setDoc(next);
        props.onDoc?.(next);
        if (opts?.announce) setMessage(opts.announce);
        return { ok: true };
      } catch (e) {
        if (e instanceof EditError) return { ok: false, message: e.message };
        throw e;
      }
    },
  };
  return (
    <MemoryRouter>
      <EditorContext.Provider value={api}>
        <Inspector />
        <p role="log">{message}</p>
      </EditorContext.Provider>
    </MemoryRouter>
  );
}

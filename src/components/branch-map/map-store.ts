import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';

/**
 * Per-map store for what changes often but must not rebuild the node array: the selected id
 * and problem counts. Listeners are keyed by node id, so a selection change wakes only the
 * two nodes involved and a new problem list only the nodes whose count changed.
 */
export class MapStore {
  private selected: string | undefined;
  private problems: Record<string, number> = {};
  private listeners = new Map<string, Set<() => void>>();

  isSelected = (id: string): boolean => this.selected === id;
  problemCount = (id: string): number => this.problems[id] ?? 0;
  get selectedId(): string | undefined {
    return this.selected;
  }

  subscribe(id: string, listener: () => void): () => void {
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(id);
    };
  }

  private notify(id: string | undefined): void {
    if (id === undefined) return;
    this.listeners.get(id)?.forEach((l) => l());
  }

  setSelected(id: string | undefined): void {
    if (id === this.selected) return;
    const before = this.selected;
    this.selected = id;
    this.notify(before);
    this.notify(id);
  }

  setProblems(next: Record<string, number> | undefined): void {
    const before = this.problems;
    const after = next ?? {};
    if (before === after) return;
    this.problems = after;
    const changed = new Set<string>();
    for (const id of Object.keys(before)) if ((before[id] ?? 0) !== (after[id] ?? 0)) changed.add(id);
    for (const id of Object.keys(after)) if ((before[id] ?? 0) !== (after[id] ?? 0)) changed.add(id);
    changed.forEach((id) => this.notify(id));
  }
}

export const MapStoreContext = createContext<MapStore | null>(null);
const fallbackStore = new MapStore();

export function useNodeStatus(id: string): { selected: boolean; problems: number } {
  const store = useContext(MapStoreContext) ?? fallbackStore;
  const subscribe = useCallback((l: () => void) => store.subscribe(id, l), [store, id]);
  const selected = useSyncExternalStore(
    subscribe,
    () => store.isSelected(id),
    () => false,
  );
  const problems = useSyncExternalStore(
    subscribe,
    () => store.problemCount(id),
    () => 0,
  );
  return { selected, problems };
}

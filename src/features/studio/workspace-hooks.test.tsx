// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { tinyScenario } from '../../testing/fixtures';
import { useExport } from './use-export';
import { useSelection } from './use-selection';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

const at =
  (path: string) =>
  ({ children }: { children: ReactNode }) => <MemoryRouter initialEntries={[path]}>{children}</MemoryRouter>;

describe('useSelection', () => {
  it('keeps the selected node for this tab, per draft, and a link can name one', () => {
    const doc = tinyScenario();
    const first = renderHook(() => useSelection('d1', doc.nodes), { wrapper: at('/studio/d1') });
    expect(first.result.current.selectedId).toBeUndefined();
    act(() => first.result.current.setSelected('middle'));
    first.unmount();
    expect(renderHook(() => useSelection('d1', doc.nodes), { wrapper: at('/studio/d1') }).result.current.selectedId).toBe('middle');
    expect(renderHook(() => useSelection('d2', doc.nodes), { wrapper: at('/studio/d2') }).result.current.selectedId).toBeUndefined();
    expect(renderHook(() => useSelection('d2', doc.nodes), { wrapper: at('/studio/d2?node=opening') }).result.current.selectedId).toBe(
      'opening',
    );
  });

  it('a selection naming no node of the draft reads as none', () => {
    const doc = tinyScenario();
    const { result } = renderHook(() => useSelection('d1', doc.nodes), { wrapper: at('/studio/d1?node=gone') });
    expect(result.current.selectedId).toBeUndefined();
  });
});

describe('useExport', () => {
  it('refuses the XState export while the draft has errors, and says why', () => {
    const announced: string[] = [];
    const { result } = renderHook(() => useExport(tinyScenario(), 2, (m) => announced.push(m)));
    act(() => result.current.exportAs('json'));
    expect(result.current.message).toMatch(/fix the 2 errors in the problems panel first/);
    expect(announced).toEqual([]);
  });
});

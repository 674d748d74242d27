// @vitest-environment happy-dom
import { act, cleanup, screen } from '@testing-library/react';
import { Component, type ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { freshResources, renderSuspended } from '../testing/suspended';
import { invalidateResources, resource, useResource } from './resource';

afterEach(() => {
  cleanup();
  freshResources();
});

class Boundary extends Component<{ children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    return this.state.error ? <p>Failed: {this.state.error.message}</p> : this.props.children;
  }
}

describe('resource cache', () => {
  it('loads a key once and hands every reader the same promise until invalidated', async () => {
    let loads = 0;
    const load = async () => ++loads;
    const first = resource('scenario:a', load);
    expect(resource('scenario:a', load)).toBe(first);
    expect(await first).toBe(1);
    invalidateResources('scenario');
    expect(await resource('scenario:a', load)).toBe(2);
    invalidateResources('other');
    expect(await resource('scenario:a', load)).toBe(2);
  });

  it('a live reader shows the new value after invalidation, keeping the old one meanwhile', async () => {
    let title = 'First';
    function Title() {
      return <h1>{useResource('scenarios', async () => title, { live: true })}</h1>;
    }
    await renderSuspended(<Title />);
    expect(screen.getByRole('heading').textContent).toBe('First');
    title = 'Second';
    await act(async () => invalidateResources('scenario'));
    expect(screen.getByRole('heading').textContent).toBe('Second');
    expect(screen.queryByText('Loading…')).toBeNull();
  });

  it('a reader that is not live keeps what it read', async () => {
    let title = 'First';
    function Title() {
      return <h1>{useResource('scenario:x', async () => title)}</h1>;
    }
    await renderSuspended(<Title />);
    title = 'Second';
    await act(async () => invalidateResources('scenario'));
    expect(screen.getByRole('heading').textContent).toBe('First');
  });

  it('a failed load reaches the error boundary', async () => {
    function Broken() {
      return <p>{useResource('scenario:bad', async (): Promise<string> => Promise.reject(new Error('chunk missing')))}</p>;
    }
    const original = console.error;
    console.error = () => undefined; // React logs the caught error
    try {
      await renderSuspended(
        <Boundary>
          <Broken />
        </Boundary>,
      );
    } finally {
      console.error = original;
    }
    expect(screen.getByText('Failed: chunk missing')).toBeTruthy();
  });
});

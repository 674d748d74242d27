import { describe, expect, it } from 'vitest';
import type { Attempt, Run } from '../../persistence/progress-schema';
import { scenarioStatus, statusLabel } from './scenario-status';

const run = (path: string[]): Run => ({
  id: 'r',
  scenarioId: 's',
  scenarioVersion: 'v',
  startedAt: '2025-01-01T00:00:00Z',
  path,
  rewinds: [],
  awaitingContinue: false,
  seed: 1,
});
const attempt = (over: Partial<Attempt>): Attempt => ({
  id: Math.random().toString(36),
  scenarioId: 's',
  scenarioVersion: 'v',
  scenarioTitle: 'S',
  startedAt: '2025-01-01T00:00:00Z',
  finishedAt: '2025-01-01T00:10:00Z',
  path: [],
  rewinds: [],
  status: 'completed',
  partneringShare: 0.5,
  choices: 4,
  note: '',
  ...over,
});

describe('status labels', () => {
  it('is "New" with nothing stored, or only a run with no choices yet', () => {
    expect(statusLabel(scenarioStatus('s', {}, []))).toBe('New');
    expect(statusLabel(scenarioStatus('s', { s: run([]) }, []))).toBe('New');
  });

  it('is "In progress" once a choice is made', () => {
    expect(statusLabel(scenarioStatus('s', { s: run(['a']) }, []))).toBe('In progress');
  });

  it('counts completed attempts and shows the best partnering share', () => {
    const attempts = [
      attempt({ partneringShare: 0.4 }),
      attempt({ partneringShare: 0.666 }),
      attempt({ scenarioId: 'other', partneringShare: 1 }),
    ];
    expect(statusLabel(scenarioStatus('s', {}, attempts))).toBe('Completed 2 times · best partnering share 67%');
    expect(statusLabel(scenarioStatus('s', {}, [attempt({ partneringShare: 1 })]))).toBe('Completed once · best partnering share 100%');
  });

  it('does not count abandoned attempts as completed', () => {
    expect(statusLabel(scenarioStatus('s', {}, [attempt({ status: 'abandoned', partneringShare: 0.9 })]))).toBe('New');
  });

  it('says both when a completed scenario is being played again', () => {
    expect(statusLabel(scenarioStatus('s', { s: run(['a']) }, [attempt({ partneringShare: 0.5 })]))).toBe(
      'In progress · completed once · best partnering share 50%',
    );
  });
});

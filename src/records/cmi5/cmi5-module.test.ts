// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { Cmi5Launch } from '../launch';
import { authToken, readLaunchData } from './cmi5-module';

const launch: Cmi5Launch = {
  ok: true,
  mode: 'cmi5',
  scenarioId: 'the-glue',
  endpoint: 'https://lms.example.org/xapi/',
  fetchUrl: 'https://lms.example.org/fetch/once',
  actor: { objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: 'sam' } },
  registration: '9c2b3e1a-4f5d-4a6b-8c7d-0e1f2a3b4c5d',
  activityId: 'https://lms.example.org/au/1',
};

beforeEach(() => sessionStorage.clear());

describe('cmi5 launch', () => {
  it('POSTs to the single-use fetch URL once; a reload reuses the token from sessionStorage', async () => {
    const calls: string[] = [];
    const lms = (async (url: string, init?: RequestInit) => {
      calls.push(`${init?.method} ${url}`);
      return calls.length === 1
        ? Response.json({ 'auth-token': 'dG9rZW4=' })
        : Response.json({ 'error-code': '1', 'error-text': 'This fetch URL was already used.' }, { status: 400 });
    }) as typeof fetch;
    expect(await authToken(launch, lms)).toBe('dG9rZW4=');
    expect(await authToken(launch, lms)).toBe('dG9rZW4=');
    expect(calls).toEqual(['POST https://lms.example.org/fetch/once']);

    sessionStorage.clear();
    await expect(authToken(launch, lms)).rejects.toThrow(
      'the LMS did not give a sign-in token (This fetch URL was already used.). Launch the unit again from your course.',
    );
  });

  it('reads LMS.LaunchData from the State API for this actor and registration', async () => {
    let asked = '';
    const lms = (async (url: string) => {
      asked = url;
      return Response.json({
        launchMode: 'Review',
        masteryScore: 0.75,
        moveOn: 'Passed',
        returnURL: 'https://lms.example.org/course',
        contextTemplate: { extensions: { a: 1 } },
      });
    }) as typeof fetch;
    const data = await readLaunchData(launch, 'Basic dG9rZW4=', lms);
    expect(data).toEqual({
      launchMode: 'Review',
      masteryScore: 0.75,
      moveOn: 'Passed',
      returnURL: 'https://lms.example.org/course',
      contextTemplate: { extensions: { a: 1 } },
    });
    const q = new URL(asked).searchParams;
    expect([q.get('stateId'), q.get('activityId'), q.get('registration'), JSON.parse(q.get('agent')!)]).toEqual([
      'LMS.LaunchData',
      launch.activityId,
      launch.registration,
      launch.actor,
    ]);
  });

  it('says plainly when the launch data is missing', async () => {
    const lms = (async () => new Response('', { status: 404 })) as unknown as typeof fetch;
    await expect(readLaunchData(launch, 'Basic x', lms)).rejects.toThrow(
      "the LMS did not give this unit's launch settings (it answered 404).",
    );
  });
});

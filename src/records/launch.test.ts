import { describe, expect, it } from 'vitest';
import { parseLaunch, standaloneHref } from './launch';

const actor = JSON.stringify({ objectType: 'Agent', name: 'Sam', account: { homePage: 'https://lms.example.org', name: 'sam-42' } });
const reg = '9c2b3e1a-4f5d-4a6b-8c7d-0e1f2a3b4c5d';
const q = (params: Record<string, string>) => `?${new URLSearchParams(params)}`;
const cmi5 = {
  scenario: 'the-glue',
  endpoint: 'https://lrs.example.org/xapi',
  fetch: 'https://lms.example.org/fetch/abc',
  actor,
  registration: reg,
  activityId: 'https://lms.example.org/au/the-glue',
};

describe('parseLaunch', () => {
  it('is standalone without launch parameters (also with an app route in the hash)', () => {
    expect(parseLaunch('')).toEqual({ ok: true, mode: 'standalone' });
    expect(parseLaunch('?utm_source=mail')).toEqual({ ok: true, mode: 'standalone' });
  });

  it('reads a cmi5 launch and normalises the endpoint to end with /', () => {
    const launch = parseLaunch(q(cmi5));
    expect(launch).toMatchObject({
      ok: true,
      mode: 'cmi5',
      scenarioId: 'the-glue',
      endpoint: 'https://lrs.example.org/xapi/',
      registration: reg,
      activityId: cmi5.activityId,
    });
    expect(launch.ok && launch.mode === 'cmi5' && launch.actor.account).toEqual({ homePage: 'https://lms.example.org', name: 'sam-42' });
  });

  it('names every missing or bad cmi5 parameter in plain words', () => {
    const launch = parseLaunch(q({ ...cmi5, endpoint: 'lrs.example.org', registration: 'nope', actor: '{"name":"Sam"}', fetch: '' }));
    expect(launch.ok).toBe(false);
    if (launch.ok) return;
    expect(launch.mode).toBe('cmi5');
    expect(Object.fromEntries(launch.problems.map((p) => [p.param, p.message]))).toEqual({
      endpoint: '"lrs.example.org" is not a web address (it must start with https:// or http://).',
      actor: 'does not say who the learner is: it needs one of mbox, mbox_sha1sum, openid or account.',
      fetch: 'is missing: the launch link must give the address to fetch the sign-in token from.',
      registration: '"nope" is not a UUID.',
    });
  });

  it('needs the scenario to play in every launched mode', () => {
    const { scenario: _s, ...rest } = cmi5;
    const launch = parseLaunch(q(rest));
    expect(!launch.ok && launch.problems.map((p) => p.param)).toEqual(['scenario']);
    expect(parseLaunch('?scorm=2004')).toMatchObject({ ok: false, mode: 'scorm2004', problems: [{ param: 'scenario' }] });
  });

  it('reads an xAPI link launch, activity_id and registration optional, TinCan-style actor accepted', () => {
    const launch = parseLaunch(
      q({
        scenario: 'the-glue',
        endpoint: 'https://lrs.example.org/xAPI/',
        auth: 'Basic dTpw',
        actor: '{"name":["Sam"],"mbox":["mailto:sam@example.org"]}',
      }),
    );
    expect(launch).toEqual({
      ok: true,
      mode: 'xapi',
      scenarioId: 'the-glue',
      endpoint: 'https://lrs.example.org/xAPI/',
      auth: 'Basic dTpw',
      actor: { objectType: 'Agent', name: 'Sam', mbox: 'mailto:sam@example.org' },
    });
  });

  it('rejects an actor that is not JSON, or names two identifiers', () => {
    const bad = parseLaunch(q({ scenario: 'x', endpoint: 'https://l.example/', auth: 'Basic a', actor: 'sam' }));
    expect(!bad.ok && bad.problems[0]!.message).toMatch(/not readable/);
    const two = parseLaunch(
      q({
        scenario: 'x',
        endpoint: 'https://l.example/',
        auth: 'Basic a',
        actor: '{"mbox":"mailto:a@b.c","openid":"https://id.example/a"}',
      }),
    );
    expect(!two.ok && two.problems[0]!.message).toMatch(/more than one identifier/);
  });

  it('reads SCORM launches and refuses an unknown version', () => {
    expect(parseLaunch('?scorm=1.2&scenario=the-glue')).toEqual({ ok: true, mode: 'scorm12', scenarioId: 'the-glue' });
    expect(parseLaunch('?scorm=2004&scenario=the-glue')).toEqual({ ok: true, mode: 'scorm2004', scenarioId: 'the-glue' });
    expect(parseLaunch('?scorm=3&scenario=the-glue')).toMatchObject({ ok: false, problems: [{ param: 'scorm' }] });
  });

  it('"play standalone" drops the query and keeps the app route', () => {
    expect(standaloneHref('https://host.example/app/index.html?scenario=a&fetch=x#/scenarios/a')).toBe(
      'https://host.example/app/index.html#/scenarios/a',
    );
  });
});

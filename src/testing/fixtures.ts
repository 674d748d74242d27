import type { ScenarioInput } from '../domain';

/** A small, valid scenario exercising moments, a route and three endings. */
export const tinyScenario = (): ScenarioInput => ({
  schemaVersion: 2,
  id: 'tiny',
  title: 'Tiny',
  summary: 'A small scenario for tests.',
  estimatedMinutes: 5,
  competencies: [3, 4],
  client: { name: 'Sam', role: 'Team lead', background: 'Sam asked for coaching.' },
  meters: { trust: { label: 'Trust', initial: 50 }, ownership: { label: 'Ownership', initial: 40 } },
  start: 'opening',
  nodes: {
    opening: {
      kind: 'moment',
      client: 'I keep saying yes to everything.',
      cue: 'emotion',
      choices: [
        {
          id: 'ask',
          text: 'What would you like from today?',
          stance: 'partnering',
          markers: ['3.1'],
          effects: { trust: 10, ownership: 15 },
          feedback: 'Hands the agenda to Sam.',
          next: 'middle',
        },
        {
          id: 'tell',
          text: 'Just say no.',
          stance: 'directing',
          markers: ['7.6'],
          effects: { trust: -5, ownership: -20 },
          feedback: 'Supplies the answer.',
          partneringAlternative: 'What makes yes the easy word?',
          next: 'middle',
        },
        {
          id: 'soothe',
          text: 'You are doing great, do not worry.',
          stance: 'rescuing',
          markers: ['4.3'],
          effects: { trust: 5, ownership: -10 },
          feedback: 'Cuts the feeling short.',
          partneringAlternative: 'What is that like for you?',
          next: 'middle',
        },
      ],
    },
    middle: {
      kind: 'moment',
      client: 'I suppose it is about being liked.',
      cue: 'insight',
      choices: [
        {
          id: 'explore',
          text: 'Liked by whom?',
          stance: 'partnering',
          markers: ['6.2'],
          effects: { trust: 5, ownership: 10 },
          feedback: 'Explores her own word.',
          next: 'check',
        },
        {
          id: 'agree',
          text: 'Surely everyone wants to be liked?',
          stance: 'colluding',
          markers: ['7.2'],
          effects: { trust: 5, ownership: -10 },
          feedback: 'Closes the story.',
          partneringAlternative: 'What would being liked give you?',
          next: 'check',
        },
      ],
    },
    check: {
      kind: 'route',
      routes: [
        { when: { ownership: { gte: 60 } }, next: 'breakthrough' },
        { when: { trust: { lt: 50 } }, next: 'rupture' },
        { next: 'stalled' },
      ],
    },
    breakthrough: { kind: 'ending', outcome: 'breakthrough', client: 'I know what to try.', summary: 'Sam found her own next step.' },
    stalled: { kind: 'ending', outcome: 'stalled', client: 'Let me think.', summary: 'Nothing moved.' },
    rupture: { kind: 'ending', outcome: 'rupture', client: 'This is not helping.', summary: 'Trust broke.' },
  },
});

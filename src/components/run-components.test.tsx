// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientText, excerpt, Narration } from './run-client-text';
import { FeedbackBody } from './run-feedback-body';
import { MeterList } from './run-meters';

afterEach(cleanup);

describe('run components', () => {
  it('splits a client line on blank lines into paragraphs and marks narration', () => {
    const { container } = render(
      <>
        <Narration text="She pauses." />
        <ClientText text={'First thought.\n\nSecond thought.'} />
      </>,
    );
    expect([...container.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['She pauses.', 'First thought.', 'Second thought.']);
    expect(screen.getByText('Narration:')).toBeTruthy();
    expect(excerpt('word '.repeat(60), 40).endsWith('…')).toBe(true);
  });

  it('names each meter and reads its value and change in words', () => {
    render(<MeterList readings={[{ id: 'trust', label: 'Trust and safety', value: 55, delta: -5 }]} />);
    const meter = screen.getByRole('meter', { name: 'Trust and safety' });
    expect(meter.getAttribute('aria-valuetext')).toBe('55 out of 100');
    expect(screen.getByText(/down 5 since your last response/)).toBeTruthy();
  });

  it('feedback on a drift names the stance, the markers it breaks and a partnering alternative', () => {
    render(
      <FeedbackBody
        move={{
          stance: 'rescuing',
          markers: ['4.3'],
          feedback: 'Cuts the feeling short.',
          reflect: 'What was the hurry?',
          partneringAlternative: 'What is that like?',
        }}
      />,
    );
    expect(screen.getByText('Rescuing')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'PCC markers this move breaks' })).toBeTruthy();
    expect(screen.getByText('Makes room for the client’s feelings, perceptions and beliefs')).toBeTruthy();
    expect(screen.getByText('What is that like?')).toBeTruthy();
    expect(screen.getByText('What was the hurry?')).toBeTruthy();
  });
});

import type { Ref } from 'react';
import type { Choice } from '../../domain/schema';

interface Props {
  readonly choices: readonly Choice[];
  readonly onChoose: (choiceId: string) => void;
  readonly headingRef?: Ref<HTMLHeadingElement>;
}

/** The coach's possible responses; each button is named by its response text alone. */
export function ChoiceList({ choices, onChoose, headingRef }: Props) {
  return (
    <section className="choices" aria-labelledby="choices-heading">
      <h2 id="choices-heading" ref={headingRef} tabIndex={-1}>
        Your response
      </h2>
      <ul className="choice-list">
        {choices.map((c) => (
          <li key={c.id}>
            <button type="button" className="choice" onClick={() => onChoose(c.id)}>
              {c.text}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

import type { Ref } from 'react';
import { ClientText, Narration } from '../../components/run-client-text';
import type { Moment } from '../../domain/schema';
import type { Turn } from './run-view';

interface Props {
  readonly clientName: string;
  readonly turns: readonly Turn[];
  /** The client's line that waits for a response (not shown while feedback is open). */
  readonly current?: Moment;
  /** Focus target for the newest client line. */
  readonly currentRef?: Ref<HTMLDivElement>;
}

function ClientTurn({ name, moment, focusRef }: { name: string; moment: Moment; focusRef?: Ref<HTMLDivElement> }) {
  return (
    <li className="turn turn-client">
      {moment.narration && <Narration text={moment.narration} />}
      <div className="bubble bubble-client" ref={focusRef} tabIndex={focusRef ? -1 : undefined}>
        <p className="speaker">
          {name}
          <span className="visually-hidden"> says:</span>
        </p>
        <ClientText text={moment.client} />
      </div>
    </li>
  );
}

function CoachTurn({ text }: { text: string }) {
  return (
    <li className="turn turn-coach">
      <div className="bubble bubble-coach">
        <p className="speaker">
          You<span className="visually-hidden"> said:</span>
        </p>
        <p>{text}</p>
      </div>
    </li>
  );
}

/** The conversation so far: client lines on the left, the coach's responses on the right. */
export function Transcript({ clientName, turns, current, currentRef }: Props) {
  return (
    <ol className="transcript" aria-label="Conversation">
      {turns.map((t, i) => [
        <ClientTurn key={`c${i}`} name={clientName} moment={t.moment} />,
        <CoachTurn key={`r${i}`} text={t.choice.text} />,
      ])}
      {current && <ClientTurn key={`c${turns.length}`} name={clientName} moment={current} focusRef={currentRef} />}
    </ol>
  );
}

import { useId } from 'react';
import './run-components.css';

export interface MeterReading {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  /** Change since the previous response, if any. */
  readonly delta?: number;
}

export const formatDelta = (d: number): string => (d > 0 ? `+${d}` : d < 0 ? `−${Math.abs(d)}` : '0');
const deltaWords = (d: number): string => (d > 0 ? `up ${d}` : d < 0 ? `down ${Math.abs(d)}` : 'no change');

function MeterRow({ reading }: { reading: MeterReading }) {
  const labelId = useId();
  const { label, value, delta } = reading;
  return (
    <li className="run-meter">
      <div className="run-meter-head">
        <span id={labelId} className="run-meter-label">
          {label}
        </span>
        <span className="run-meter-value">
          {value}
          <span className="run-meter-max"> out of 100</span>
          {delta !== undefined && delta !== 0 && (
            <span className={`run-meter-delta ${delta > 0 ? 'up' : 'down'}`}>
              <span aria-hidden="true"> {formatDelta(delta)}</span>
              <span className="visually-hidden">, {deltaWords(delta)} since your last response</span>
            </span>
          )}
        </span>
      </div>
      <div
        role="meter"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={`${value} out of 100`}
        className="run-meter-track"
      >
        <div className="run-meter-fill" style={{ width: `${Math.max(0, Math.min(100, value))}%` }} />
      </div>
    </li>
  );
}

/** The client's meters as labelled values with a bar each ("Trust and safety 55 out of 100"). */
export function MeterList({ readings, label = 'Client meters' }: { readings: readonly MeterReading[]; label?: string }) {
  return (
    <ul className="run-meter-list" aria-label={label}>
      {readings.map((r) => (
        <MeterRow key={r.id} reading={r} />
      ))}
    </ul>
  );
}

import { useEffect, useId, useRef, useState } from 'react';
import { ScrollTable } from '../../components/scroll-table';

export interface Series {
  readonly id: string;
  readonly label: string;
  readonly values: readonly number[];
}

const COLOURS = ['#1f4e5f', '#a14d00', '#6b3fa0', '#a1265f'];
const DASHES = ['', '7 4', '2 4', '10 4 2 4'];
const H = 220;

/** Draw at the container's own pixel width, so labels stay legible from 360px up. */
function useWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([entry]) => entry && entry.contentRect.width > 0 && setWidth(Math.round(entry.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width] as const;
}
const PAD = { l: 36, r: 12, t: 12, b: 30 };

/** The meters over the conversation: a small line chart, with the values as a table too. */
export function MeterChart({ series }: { series: readonly Series[] }) {
  const captionId = useId();
  const [boxRef, W] = useWidth(560);
  const points = Math.max(1, ...series.map((s) => s.values.length));
  const x = (i: number) => PAD.l + (points === 1 ? 0 : (i * (W - PAD.l - PAD.r)) / (points - 1));
  const y = (v: number) => PAD.t + ((100 - v) * (H - PAD.t - PAD.b)) / 100;
  const label = (i: number) => (i === 0 ? 'Start' : `${i}`);
  const summary = series.map((s) => `${s.label} went from ${s.values[0] ?? 0} to ${s.values.at(-1) ?? 0}`).join('; ');

  return (
    <figure className="meter-chart">
      <ul className="chart-legend" aria-hidden="true">
        {series.map((s, k) => (
          <li key={s.id}>
            <svg width="34" height="12" viewBox="0 0 34 12">
              <line x1="1" y1="6" x2="33" y2="6" stroke={COLOURS[k % 4]} strokeWidth="3" strokeDasharray={DASHES[k % 4]} />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      <div ref={boxRef} className="chart-box">
        <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-labelledby={captionId} className="chart-svg">
          {[0, 25, 50, 75, 100].map((v) => (
            <g key={v}>
              <line x1={PAD.l} x2={W - PAD.r} y1={y(v)} y2={y(v)} stroke="#d8d3ca" strokeWidth="1" />
              <text x={PAD.l - 6} y={y(v) + 4} textAnchor="end" fontSize="11" fill="#4a5563">
                {v}
              </text>
            </g>
          ))}
          {Array.from({ length: points }, (_, i) => (
            <text key={i} x={x(i)} y={H - 10} textAnchor="middle" fontSize="11" fill="#4a5563">
              {label(i)}
            </text>
          ))}
          {series.map((s, k) => (
            <g key={s.id}>
              <polyline
                fill="none"
                stroke={COLOURS[k % 4]}
                strokeWidth="2.5"
                strokeDasharray={DASHES[k % 4]}
                points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')}
              />
              {s.values.map((v, i) => (
                <circle key={i} cx={x(i)} cy={y(v)} r="3.5" fill={COLOURS[k % 4]} />
              ))}
            </g>
          ))}
        </svg>
      </div>
      <figcaption id={captionId} className="muted">
        Meters after each response (0 to 100). {summary}.
      </figcaption>
      <details className="chart-table">
        <summary>Show the values as a table</summary>
        <ScrollTable
          label="Meter values by step"
          columns={['Meter', ...Array.from({ length: points }, (_, i) => (i === 0 ? 'Start' : `After ${i}`))]}
        >
          {series.map((s) => (
            <tr key={s.id}>
              <th scope="row">{s.label}</th>
              {s.values.map((v, i) => (
                <td key={i}>{v}</td>
              ))}
            </tr>
          ))}
        </ScrollTable>
      </details>
    </figure>
  );
}

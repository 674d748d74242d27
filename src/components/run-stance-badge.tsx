import { STANCE_LABELS, type Stance } from '../domain/stances';

/** A stance named in words, with its colour as an extra cue (never the only one). */
export function StanceBadge({ stance, prefix }: { stance: Stance; prefix?: string }) {
  return (
    <span className={`stance-badge stance-${stance}`}>
      {prefix && <span className="visually-hidden">{prefix} </span>}
      {STANCE_LABELS[stance]}
    </span>
  );
}

import './run-components.css';

/** Split content text on blank lines into paragraphs (content is always rendered as text). */
export const paragraphs = (text: string): string[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

/** A client's spoken line: one <p> per paragraph. */
export function ClientText({ text }: { text: string }) {
  return (
    <>
      {paragraphs(text).map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </>
  );
}

/** Scene-setting narration, styled apart from speech and labelled for screen readers. */
export function Narration({ text }: { text: string }) {
  return (
    <div className="run-narration">
      <span className="visually-hidden">Narration: </span>
      {paragraphs(text).map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </div>
  );
}

/** Shorten a line for lists: first paragraph, cut at a word boundary. */
export function excerpt(text: string, max = 160): string {
  const first = paragraphs(text)[0] ?? '';
  if (first.length <= max) return first;
  const cut = first.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6)).trimEnd()}…`;
}

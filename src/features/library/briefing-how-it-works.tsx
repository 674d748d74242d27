/** The short "How it works" section of the briefing. */
export function BriefingHowItWorks({ meters }: { readonly meters: readonly string[] }) {
  const quoted = meters.map((m) => `“${m}”`);
  const list = quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}` : (quoted[0] ?? '');
  return (
    <section className="card" aria-labelledby="how-heading">
      <h2 id="how-heading">How it works</h2>
      <ol className="how-list">
        <li>Read what the client says, then choose one of the coach responses. There is no timer: take your time.</li>
        <li>
          The client reacts to how you coach. {meters.length === 1 ? `A meter for ${list} runs` : `Meters for ${list} run`} from 0 to 100
          and move with each response; where the conversation goes depends on them.
        </li>
        <li>
          Feedback on each response comes straight after the choice, or only in the debrief at the end: pick what suits you (you can change
          it at any time).
        </li>
        <li>Want to see what else could have happened? Go back a step and try a different response.</li>
        <li>At the end, the debrief shows the pattern in your choices and what each response did.</li>
      </ol>
    </section>
  );
}

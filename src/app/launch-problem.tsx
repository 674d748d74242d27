import { MODE_NAMES, standaloneHref, type BadLaunch } from '../records/launch';

/**
 * A launch link with bad or missing parameters: say what is wrong, parameter by parameter, and
 * offer to play standalone. No records code was loaded and nothing was sent.
 */
export function LaunchProblem({ launch }: { launch: BadLaunch }) {
  return (
    <main id="main" className="page narrow" tabIndex={-1}>
      <h1>This launch link cannot be used</h1>
      <p>
        Catalyst was opened as a {MODE_NAMES[launch.mode]} activity, but the link it was given has{' '}
        {launch.problems.length === 1 ? 'a problem' : `${launch.problems.length} problems`}. Nothing has been sent to your course.
      </p>
      <ul className="launch-problems">
        {launch.problems.map((p) => (
          <li key={p.param}>
            The <code>{p.param}</code> parameter {p.message}
          </li>
        ))}
      </ul>
      <p>Ask whoever gave you the link (your course or instructor) for a new one. You can also practise without sending any records.</p>
      <p className="actions">
        <a className="button" href={standaloneHref(window.location.href)}>
          Play standalone (nothing is recorded)
        </a>
      </p>
    </main>
  );
}

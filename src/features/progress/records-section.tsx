import { MODE_NAMES, useRecordsStatus } from '../../persistence/records-status';

/** Where learner records go in the current mode (standalone: nowhere). */
export function RecordsSection() {
  const { mode, destination, waiting } = useRecordsStatus();
  return (
    <section className="card" aria-labelledby="records-heading">
      <h2 id="records-heading">Learner records</h2>
      <p>
        <strong>{mode === 'standalone' ? 'Standalone' : `Launched as ${MODE_NAMES[mode]}`}.</strong> {destination}
      </p>
      {mode !== 'standalone' && waiting > 0 && (
        <p>{waiting === 1 ? '1 record is' : `${waiting} records are`} kept in this browser until they are sent.</p>
      )}
    </section>
  );
}

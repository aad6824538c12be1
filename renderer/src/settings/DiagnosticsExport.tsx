import { api } from '../api/client.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { useFileSave } from '../components/use-file-save.ts';

/**
 * "Export diagnostics" (desktop app only: its shell asks where and writes the file): the logs,
 * the job history and the cache statistics in one JSON file to attach to a support request,
 * with tokens, addresses and the home folder removed. A cancelled dialog says nothing.
 */
export function DiagnosticsExport() {
  const { busy, saved, error, start } = useFileSave(
    async () => (await api.call('diagnostics.export', {})).path,
  );
  return (
    <section className="figure figure--half" aria-labelledby="diagnostics-title">
      <header className="figure__header">
        <h2 id="diagnostics-title">Diagnostics</h2>
      </header>
      <p className="muted small">
        One file of the logs, the job history and the cache statistics to attach to a support request. Tokens,
        mail addresses and your home folder are removed.
      </p>
      <div>
        <button type="button" className="button" onClick={() => void start()} disabled={busy}>
          {busy ? 'Exporting…' : 'Export diagnostics'}
        </button>
      </div>
      {saved ? (
        <p className="muted small" role="status">
          Saved {saved}
        </p>
      ) : null}
      <ErrorNote error={error} />
    </section>
  );
}

import { api, currentHost } from '../api/client.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { useFileSave } from '../components/use-file-save.ts';
import type { BriefRequest } from '../state/brief-store.ts';

/** Hands the browser the digest as a file to download: the same page `brief digest --format html` writes. */
async function download(request: BriefRequest): Promise<string> {
  const digest = await api.call('brief.digest', { ...request, format: 'html' });
  const url = URL.createObjectURL(new Blob([digest.content], { type: digest.mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = digest.fileName;
  link.click();
  URL.revokeObjectURL(url);
  return digest.fileName;
}

/**
 * "Save as HTML": one self-contained page of the Brief, to print or attach to a mail. The desktop
 * app asks where (a save dialog, through the shell); a browser downloads it. Saving is not
 * delivering: the last brief does not move.
 */
export function SaveDigestButton({ request }: { request: BriefRequest }) {
  const { busy, saved, error, start } = useFileSave(async () =>
    // Inside the desktop app its shell answers the save dialog.
    currentHost().desktop ? (await api.call('brief.saveDigest', request)).path : download(request),
  );
  return (
    <div className="brief-save">
      <button type="button" className="button" onClick={() => void start()} disabled={busy}>
        {busy ? 'Saving…' : 'Save as HTML'}
      </button>
      {saved ? (
        <span className="muted small" role="status">
          Saved {saved}
        </span>
      ) : null}
      <ErrorNote error={error} />
    </div>
  );
}

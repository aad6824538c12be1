import { useState } from 'react';
import type { SerializedError } from '../../../shared/errors.ts';
import { api } from '../api/client.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import type { BriefRequest } from '../state/brief-store.ts';
import { asError } from '../state/errors.ts';

/** Inside the desktop app the preload's window.brief is the transport, and its shell answers save dialogs. */
function inDesktopApp(): boolean {
  return typeof window !== 'undefined' && window.brief !== undefined;
}

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
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<SerializedError | null>(null);
  const save = async () => {
    setSaving(true);
    setError(null);
    setSaved(null);
    try {
      if (inDesktopApp()) setSaved((await api.call('brief.saveDigest', request)).path);
      else setSaved(await download(request));
    } catch (failure) {
      setError(asError(failure));
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="brief-save">
      <button type="button" className="button" onClick={() => void save()} disabled={saving}>
        {saving ? 'Saving…' : 'Save as HTML'}
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

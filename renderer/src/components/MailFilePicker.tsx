import { type DragEvent, useState } from 'react';
import type { SerializedError } from '../../../shared/errors.ts';
import type { UploadItem } from '../api/bridge-uploads.ts';
import { api, currentHost } from '../api/client.ts';
import { itemsFromDrop, itemsFromFiles } from '../lib/dropped-files.ts';
import { formatBytes, formatCount } from '../lib/format.ts';
import { asError } from '../state/errors.ts';
import { ErrorNote } from './ErrorNote.tsx';

/** The desktop app's way in: the system's file chooser, whose paths join the typed ones. */
function DesktopChooser({ onPaths }: { onPaths: (paths: string[]) => void }) {
  const [error, setError] = useState<SerializedError | null>(null);
  const choose = async (folders: boolean) => {
    try {
      const { paths } = await api.call('import.choosePaths', { folders });
      setError(null);
      if (paths.length > 0) onPaths(paths);
    } catch (failure) {
      setError(asError(failure));
    }
  };
  return (
    <div className="file-picker">
      <button type="button" className="button" onClick={() => void choose(false)}>
        Choose files…
      </button>
      <button type="button" className="button" onClick={() => void choose(true)}>
        Choose a folder…
      </button>
      <ErrorNote error={error} />
    </div>
  );
}

/** The browser's way in: drop files or folders here, or pick them; they are sent when the import starts. */
function DropZone({ items, onItems }: { items: UploadItem[]; onItems: (items: UploadItem[]) => void }) {
  const [over, setOver] = useState(false);
  const drop = async (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    onItems([...items, ...(await itemsFromDrop(event.dataTransfer))]);
  };
  const bytes = items.reduce((sum, item) => sum + item.file.size, 0);
  return (
    <fieldset
      className={`drop-zone${over ? ' drop-zone--over' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => void drop(event)}
    >
      <legend>Mail files</legend>
      <p>Drop mail files or folders here (.mbox, .eml, .gz, a Takeout .zip), or</p>
      <div className="file-picker">
        <label className="button">
          Choose files…
          <input
            type="file"
            multiple
            className="sr-only"
            onChange={(event) =>
              event.target.files && onItems([...items, ...itemsFromFiles(event.target.files)])
            }
          />
        </label>
        <label className="button">
          Choose a folder…
          <input
            type="file"
            className="sr-only"
            // A folder chooser: each file comes with its path inside the folder.
            {...{ webkitdirectory: '' }}
            onChange={(event) =>
              event.target.files && onItems([...items, ...itemsFromFiles(event.target.files)])
            }
          />
        </label>
      </div>
      {items.length > 0 ? (
        <p className="drop-zone__chosen">
          <span>
            {formatCount(items.length)} {items.length === 1 ? 'file' : 'files'}, {formatBytes(bytes)}:{' '}
            {items
              .slice(0, 3)
              .map((item) => item.path)
              .join(', ')}
            {items.length > 3 ? ', …' : ''}
          </span>
          <button type="button" className="button button--small" onClick={() => onItems([])}>
            Clear
          </button>
        </p>
      ) : null}
    </fieldset>
  );
}

/**
 * Where an import's files come from besides typed paths: the desktop app opens the system's
 * chooser (the paths join the typed ones); a browser takes dropped or picked files and sends them
 * to `brief serve` when the import starts.
 */
export function MailFilePicker({
  items,
  onItems,
  onPaths,
}: {
  items: UploadItem[];
  onItems: (items: UploadItem[]) => void;
  onPaths: (paths: string[]) => void;
}) {
  const host = currentHost();
  if (host.desktop) return <DesktopChooser onPaths={onPaths} />;
  return host.upload ? <DropZone items={items} onItems={onItems} /> : null;
}

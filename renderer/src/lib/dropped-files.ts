/**
 * The files a person dropped or picked in the browser, each with its path inside what was given
 * (`Mail/Sent.mbox` for a dropped folder), so the service can rebuild the folder and its names
 * can become labels, as they do on import.
 */
import type { UploadItem } from '../api/bridge-uploads.ts';

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

function childrenOf(folder: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = folder.createReader();
  const all: FileSystemEntry[] = [];
  // readEntries answers in batches (about 100 in Chromium) until an empty one.
  return new Promise((resolve, reject) => {
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

async function walk(entry: FileSystemEntry, prefix: string, into: UploadItem[]): Promise<void> {
  const path = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.isFile) into.push({ file: await fileOf(entry as FileSystemFileEntry), path });
  else if (entry.isDirectory) {
    for (const child of await childrenOf(entry as FileSystemDirectoryEntry)) await walk(child, path, into);
  }
}

/** What a drop carried: files, and folders walked to their files. */
export async function itemsFromDrop(transfer: DataTransfer): Promise<UploadItem[]> {
  const entries = [...transfer.items]
    .map((item) => item.webkitGetAsEntry?.() ?? null)
    .filter((entry): entry is FileSystemEntry => entry !== null);
  if (entries.length === 0) return itemsFromFiles(transfer.files);
  const items: UploadItem[] = [];
  for (const entry of entries) await walk(entry, '', items);
  return items;
}

/** What a file input gave: a folder input names each file's path inside the folder. */
export function itemsFromFiles(files: FileList | readonly File[]): UploadItem[] {
  return [...files].map((file) => ({ file, path: file.webkitRelativePath || file.name }));
}

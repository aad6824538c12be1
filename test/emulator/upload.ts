/**
 * Google's simple upload protocols for messages.insert and messages.import at
 * /upload/gmail/v1/…: `uploadType=media` (the body is the message) and `uploadType=multipart`
 * (multipart/related: the JSON metadata, then the message).
 */
import { invalidArgument } from './google-error.ts';

export interface UploadedRequest {
  metadata: Record<string, unknown> | undefined;
  message: Buffer;
}

export function readUpload(
  uploadType: string | undefined,
  contentType: string,
  body: Buffer,
): UploadedRequest {
  if (uploadType === 'media') return { metadata: undefined, message: body };
  if (uploadType !== 'multipart') {
    throw invalidArgument(
      `Invalid value at 'upload_type', "${uploadType ?? ''}": the emulator takes media and multipart uploads.`,
    );
  }
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!/^\s*multipart\/related/i.test(contentType) || boundary === null)
    throw invalidArgument('A multipart upload needs Content-Type multipart/related with a boundary.');
  // latin1 keeps every byte as one character, so the message bytes survive the split.
  const text = body.toString('latin1');
  const delimiter = `--${boundary[1] ?? boundary[2]}`;
  const parts = text
    .split(delimiter)
    .slice(1)
    .filter((chunk) => !chunk.startsWith('--'))
    .map((chunk) => {
      const content = chunk.replace(/^\r?\n/, '').replace(/\r?\n$/, '');
      const split = /\r?\n\r?\n/.exec(content);
      return split === null
        ? { headers: content, data: '' }
        : { headers: content.slice(0, split.index), data: content.slice(split.index + split[0].length) };
    });
  if (parts.length !== 2)
    throw invalidArgument('A multipart upload has two parts: the metadata, then the message.');
  let metadata: unknown;
  try {
    metadata = JSON.parse(Buffer.from(parts[0]!.data, 'latin1').toString('utf8'));
  } catch {
    throw invalidArgument('Invalid JSON payload received in the upload metadata.');
  }
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata))
    throw invalidArgument('Invalid JSON payload received in the upload metadata.');
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(parts[1]!.headers)?.[1]?.toLowerCase();
  const data = Buffer.from(parts[1]!.data, 'latin1');
  const message = encoding === 'base64' ? Buffer.from(data.toString('latin1'), 'base64') : data;
  return { metadata: metadata as Record<string, unknown>, message };
}

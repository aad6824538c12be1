/**
 * Hostile files for the import, made small on disk: a gzip mbox holding one message of gigabytes
 * (one gzip member of a 16 MiB body block, repeated: gzip readers join members), and a zip bomb
 * (one deflate stream of a MiB of zeros, byte-aligned by a full flush and repeated: a GiB from a
 * MiB). Nothing of the gigabytes is ever written.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { constants, crc32, deflateRawSync, gzipSync } from 'node:zlib';
import { zipStored } from '../engine/zip-writer.ts';

const MiB = 1024 * 1024;
const BLOCK = 16 * MiB;

/**
 * A body block that compresses about 65 times (a mail body compresses less; this keeps the file
 * a few dozen MB for 3 GB, large enough that how much of it was read can be seen in progress).
 */
function bodyBlock(): Buffer {
  const block = Buffer.alloc(BLOCK, 'A');
  let state = 7;
  for (let i = 0; i < BLOCK; i++) {
    if (i % 77 === 76) block[i] = 0x0a;
    else if (i % 512 === 0) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      block[i] = 0x61 + ((state >>> 16) % 26);
    }
  }
  return block;
}

/**
 * Writes `<path>`: an mbox.gz of one message whose body is `bodyBytes` long (a multiple of 16 MiB),
 * then an ordinary message after it. Returns the file's size.
 */
export function writeGiantMessageGzip(path: string, bodyBytes: number): number {
  const head = gzipSync(
    'From giant@xxx Mon Nov 02 09:00:00 2026\nFrom: Giant <giant@example.net>\nTo: me@example.com\nSubject: A giant message\nMessage-ID: <giant@example.net>\nDate: Mon, 02 Nov 2026 09:00:00 +0000\n\n',
  );
  const member = gzipSync(bodyBlock(), { level: 6 });
  const tail = gzipSync(
    '\n\nFrom after@xxx Mon Nov 02 10:00:00 2026\nFrom: After <after@example.net>\nTo: me@example.com\nSubject: After the giant\nMessage-ID: <after@example.net>\nDate: Mon, 02 Nov 2026 10:00:00 +0000\n\nStill read.\n',
  );
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, head);
    for (let n = 0; n < bodyBytes / BLOCK; n++) writeSync(fd, member);
    writeSync(fd, tail);
  } finally {
    closeSync(fd);
  }
  return head.length + member.length * (bodyBytes / BLOCK) + tail.length;
}

/** A zip of about 2 MB holding two entries of 1 GiB of zeros each. */
export function zipBomb(): Buffer {
  const zeros = Buffer.alloc(MiB);
  const mebibyte = deflateRawSync(zeros, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const gibibyte = Buffer.concat([...Array<Buffer>(1024).fill(mebibyte), deflateRawSync(Buffer.alloc(0))]);
  let crc = 0;
  for (let n = 0; n < 1024; n++) crc = crc32(zeros, crc);
  const deflated = { size: 1024 * MiB, crc };
  return zipStored([
    { name: 'Takeout/Mail/one.mbox', data: gibibyte, deflated },
    { name: 'Takeout/Mail/two.mbox', data: gibibyte, deflated },
  ]);
}

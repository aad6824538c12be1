import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES, openFileChunks, readBuffer } from '../../electron/engine/mail/file-chunks.ts';
import { MboxSplitter } from '../../electron/engine/mail/mbox-splitter.ts';
import { type ReadItem, readMail } from '../../electron/engine/mail/read-mail.ts';

const message = (id: string, extra = '', body = 'Body line\n') =>
  `From: a@x.example\nTo: b@x.example\nSubject: ${id}\nMessage-ID: <${id}@x>\nDate: Mon, 3 Mar 2025 09:00:00 +0000\n${extra}\n${body}`;

async function readAll(paths: string[], signal?: AbortSignal, blocking = false): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const item of readMail(paths, { signal, blocking })) items.push(item);
  return items;
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'mail-read-'));
}

function split(text: string, chunk = 7): Array<{ raw: string; offset: number }> {
  const splitter = new MboxSplitter();
  const bytes = Buffer.from(text, 'latin1');
  const out = [];
  for (let i = 0; i < bytes.length; i += chunk) out.push(...splitter.push(bytes.subarray(i, i + chunk)));
  out.push(...splitter.end());
  return out.map((m) => ({ raw: m.raw.toString('latin1'), offset: m.offset }));
}

describe('mbox splitting', () => {
  it('`From ` separator lines at line start after a blank line or at file start, whatever the chunk size', () => {
    const text = `From x Mon\n${message('1')}\nFrom y Tue\n${message('2')}`;
    for (const chunk of [1, 5, 64, 1 << 20]) {
      const parts = split(text, chunk);
      expect(parts.map((p) => p.offset)).toEqual([0, text.indexOf('From y')]);
      expect(parts[0]?.raw).toBe(message('1'));
    }
  });

  it('a `From ` line that does not follow a blank line stays in the body', () => {
    const parts = split(`From x\n${message('1', '', 'text\nFrom here on\n')}`);
    expect(parts).toHaveLength(1);
    expect(parts[0]?.raw).toContain('From here on');
  });

  it('`>From ` lines are unescaped (mboxrd strips one `>` from `>+From `)', () => {
    const [part] = split(`From x\n${message('1', '', '>From the start\n>>From quoted\n> From not\n')}`);
    expect(part?.raw).toContain('\nFrom the start\n>From quoted\n> From not\n');
  });

  it('a Content-Length that lands on a separator keeps unescaped `From ` lines inside the body', () => {
    const body = 'one\n\nFrom inside the body\n';
    const text = `From x\n${message('1', `Content-Length: ${Buffer.byteLength(body)}\n`, body)}\nFrom y\n${message('2')}`;
    const parts = split(text, 3);
    expect(parts).toHaveLength(2);
    expect(parts[0]?.raw).toContain('From inside the body');
  });

  it('a Content-Length that does not land on a separator or the end is ignored', () => {
    const body = 'one\n\nFrom a real separator\nSubject: x\n\nz\n';
    const parts = split(`From x\n${message('1', 'Content-Length: 3\n', body)}`);
    expect(parts).toHaveLength(2);
  });

  it('a file that does not start with a separator begins with a message', () => {
    expect(split(`${message('1')}\nFrom y\n${message('2')}`).map((p) => p.offset)).toEqual([
      0,
      expect.any(Number),
    ]);
  });
});

describe('readMail', () => {
  it('a folder of mbox files: each file a mail folder, files in code-point name order, offsets reported', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sent_items.mbox'), `From a\n${message('s1')}\nFrom b\n${message('s2')}`);
    writeFileSync(join(dir, 'Inbox.mbox'), `From a\n${message('i1')}`);
    writeFileSync(join(dir, 'deleted_items.personal.mbox'), `From a\n${message('d1')}`);
    const items = await readAll([dir]);
    expect(
      items.map((i) => (i.kind === 'message' ? [i.facts.messageId, i.facts.labels, i.offset] : i)),
    ).toEqual([
      ['i1@x', ['INBOX'], 0],
      ['d1@x', ['TRASH', 'deleted_items.personal'], 0],
      ['s1@x', ['SENT'], 0],
      ['s2@x', ['SENT'], `From a\n${message('s1')}\n`.length],
    ]);
  });

  it('A single file given on its own (not a folder) is a folder named after the file', async () => {
    const dir = tempDir();
    const file = join(dir, 'hikers.mbox');
    writeFileSync(file, `From a\n${message('h1')}`);
    const [item] = await readAll([file]);
    expect(item?.kind === 'message' && item.facts.labels).toEqual(['hikers']);
  });

  it('a folder of message files (.eml or none, with or without a leading From line) takes the folder name; non-mail files are skipped with a reason', async () => {
    const dir = join(tempDir(), 'Sent');
    mkdirSync(dir);
    writeFileSync(join(dir, '01.eml'), message('m1'));
    writeFileSync(join(dir, '02'), `From someone Mon Jan 1 00:00:00 2002\n${message('m2')}`);
    writeFileSync(
      join(dir, '03.png'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    );
    writeFileSync(join(dir, '04.js'), "import x from 'y';\nconsole.log(x);\n");
    writeFileSync(join(dir, 'LICENSE'), 'MIT License\n\nCopyright (c) 2020 Someone\n');
    const items = await readAll([dir]);
    expect(
      items.filter((i) => i.kind === 'message').map((i) => i.kind === 'message' && i.facts.labels),
    ).toEqual([['SENT'], ['SENT']]);
    const skipped = items.filter((i) => i.kind === 'skipped');
    expect(skipped.map((i) => i.file.split('/').pop())).toEqual(['03.png', '04.js', 'LICENSE']);
    for (const item of skipped) expect(item.kind === 'skipped' && item.reason).toMatch(/not a mail message/);
  });

  it('gzip files are read transparently', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'inbox.mbox.gz'), gzipSync(`From a\n${message('g1')}\nFrom b\n${message('g2')}`));
    const items = await readAll([dir]);
    expect(items.map((i) => i.kind === 'message' && [i.facts.messageId, i.facts.labels])).toEqual([
      ['g1@x', ['INBOX']],
      ['g2@x', ['INBOX']],
    ]);
  });

  it('Takeout mbox: X-Gmail-Labels gives the labels and X-GM-THRID the thread', async () => {
    const dir = tempDir();
    const file = join(dir, 'All mail Including Spam and Trash.mbox');
    writeFileSync(
      file,
      `From 1@xxx Mon\nX-GM-THRID: 777\nX-Gmail-Labels: Sent,Opened,Category Updates\n${message('t1')}`,
    );
    const [item] = await readAll([file]);
    expect(item?.kind === 'message' && [item.facts.labels, item.facts.providerThreadId]).toEqual([
      ['SENT', 'CATEGORY_UPDATES'],
      '777',
    ]);
  });

  it('a message without readable headers inside an mbox is skipped with file, offset and reason', async () => {
    const dir = tempDir();
    const text = `From a\n${message('ok')}\nFrom b\njust words, no header\n`;
    writeFileSync(join(dir, 'inbox.mbox'), text);
    const items = await readAll([dir]);
    expect(items[1]).toEqual({
      kind: 'skipped',
      file: join(dir, 'inbox.mbox'),
      offset: text.indexOf('From b'),
      reason: expect.stringContaining('no readable mail header'),
    });
  });

  it('a missing path is reported, and a cancelled read stops with CANCELLED', async () => {
    const missing = join(tempDir(), 'nope.mbox');
    expect(await readAll([missing])).toEqual([
      { kind: 'skipped', file: missing, offset: null, reason: expect.stringContaining('cannot be opened') },
    ]);
    const controller = new AbortController();
    controller.abort();
    await expect(readAll([missing], controller.signal)).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it.each([
    ['asynchronous', false],
    ['blocking (the reader worker)', true],
  ])(
    'reads every plain file into one buffer, chunk after chunk, and keeps whole the messages that span chunks (%s calls)',
    async (_calls, blocking) => {
      const dir = tempDir();
      // A message file of 2.5 chunks (its parts are copied before the buffer is read into again),
      // and mailboxes whose messages fall across chunk boundaries.
      const long = message('long', '', `${'x'.repeat(99)}\n`.repeat((CHUNK_BYTES * 2.5) / 100));
      writeFileSync(join(dir, 'long.eml'), long);
      const mbox = Array.from(
        { length: 3000 },
        (_, i) => `From s${i}\n${message(`m${i}`, '', `${'y'.repeat(999)}\n`)}`,
      );
      writeFileSync(join(dir, 'one.mbox'), mbox.join('\n'));
      writeFileSync(join(dir, 'two.mbox'), mbox.slice(0, 1500).join('\n'));
      const items = await readAll([dir], undefined, blocking);
      const raws = items.map((item) => (item.kind === 'message' ? item.raw.toString('latin1') : item.kind));
      expect(raws).toEqual(
        [long, ...mbox.slice(0, 3000), ...mbox.slice(0, 1500)].map((text) => text.replace(/^From \S+\n/, '')),
      );

      const buffer = readBuffer();
      const chunks = openFileChunks(join(dir, 'one.mbox'), buffer, blocking);
      try {
        for (let chunk = await chunks.next(); chunk !== null; chunk = await chunks.next()) {
          expect(chunk.buffer).toBe(buffer.buffer);
        }
        expect(chunks.bytesRead()).toBe(Buffer.byteLength(mbox.join('\n')));
      } finally {
        chunks.close();
      }
      // An open that fails rejects the first chunk (readMail reports the file skipped with its code).
      const missing = join(dir, 'gone.eml');
      await expect(openFileChunks(missing, buffer, blocking).next()).rejects.toMatchObject({
        code: 'ENOENT',
      });
    },
  );
});

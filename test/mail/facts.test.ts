import { describe, expect, it } from 'vitest';
import { factsFromGmail, factsFromRaw } from '../../electron/engine/mail/facts.ts';

const raw = (lines: string[], body = 'Hello\n') => Buffer.from(`${lines.join('\n')}\n\n${body}`, 'utf8');
const facts = (lines: string[], folderLabels: string[] = []) => factsFromRaw(raw(lines), { folderLabels });

describe('Sender', () => {
  const via = [
    'From: "Uma Patel via Hikers" <hikers@groups.example>',
    'List-Post: <mailto:hikers@groups.example>',
    'Reply-To: Uma Patel <uma@mail.example>',
    'Date: Mon, 7 Apr 2025 09:00:00 +0000',
  ];

  it('when From equals the `mailto:` address in `List-Post` and `Reply-To` holds exactly one address, the sender is that Reply-To address', () => {
    const f = facts(via);
    expect(f.from).toBe('hikers@groups.example');
    expect(f.fromName).toBe('Uma Patel via Hikers');
    expect(f.sender).toBe('uma@mail.example');
    expect(f.senderName).toBe('Uma Patel');
  });

  it('a Reply-To with two addresses does not rewrite the sender', () => {
    const f = facts([...via.slice(0, 2), 'Reply-To: a@x.example, b@x.example']);
    expect(f.sender).toBe('hikers@groups.example');
  });

  it('without List-Post, Reply-To does not change the sender', () => {
    const f = facts(['From: Tara <tara@mail.example>', 'Reply-To: other@mail.example']);
    expect(f.sender).toBe('tara@mail.example');
    expect(f.senderName).toBe('Tara');
  });
});

describe('Automated', () => {
  const base = ['From: Kim <kim@mail.example>', 'Subject: hi'];
  it('`Auto-Submitted` is present and its value before any `;`, compared case-insensitively, is not `no`', () => {
    expect(facts([...base, 'Auto-Submitted: auto-replied; owner-email="x@y"']).automated).toBe(true);
    expect(facts([...base, 'Auto-Submitted: NO']).automated).toBe(false);
    expect(facts([...base, 'Auto-Submitted: no; comment']).automated).toBe(false);
  });

  it("the sender's local part is exactly one of the automated names", () => {
    for (const local of [
      'noreply',
      'no-reply',
      'donotreply',
      'do-not-reply',
      'notifications',
      'mailer-daemon',
      'postmaster',
    ]) {
      expect(facts([`From: ${local}@x.example`]).automated).toBe(true);
    }
    expect(facts(['From: noreply-team@x.example']).automated).toBe(false);
  });

  it('it carries `CATEGORY_PROMOTIONS`, `CATEGORY_SOCIAL` or `CATEGORY_UPDATES` (`CATEGORY_FORUMS` is discussion, not automated)', () => {
    expect(facts([...base, 'X-Gmail-Labels: Category Promotions']).automated).toBe(true);
    expect(facts([...base, 'X-Gmail-Labels: Category Forums']).automated).toBe(false);
  });

  it('it has no `List-Post` and has `List-Unsubscribe`, `List-Id`, or `Precedence` equal to `bulk`, `list` or `junk`', () => {
    expect(facts([...base, 'List-Id: <news.example>']).automated).toBe(true);
    expect(facts([...base, 'List-Unsubscribe: <https://x.example/u>']).automated).toBe(true);
    expect(facts([...base, 'Precedence: Bulk']).automated).toBe(true);
    expect(facts([...base, 'Precedence: first-class']).automated).toBe(false);
    expect(
      facts([...base, 'List-Id: <dev.example>', 'Precedence: list', 'List-Post: <mailto:dev@x>']).automated,
    ).toBe(false);
  });
});

describe('Mailing lists and unsubscribe', () => {
  it('A message with a `List-Post` header came through a discussion list', () => {
    const f = facts(['From: a@x.example', 'List-Post: NO']);
    expect(f.hasListPost).toBe(true);
    expect(f.listPost).toBeNull();
  });

  it('the unsubscribe target is the first `https:` URL, else the `mailto:`', () => {
    const both = facts([
      'From: a@x.example',
      'List-Unsubscribe: <mailto:u@x.example?subject=u>, <http://x/u>, <https://x/u>',
    ]);
    expect(both.unsubscribe).toBe('https://x/u');
    expect(facts(['From: a@x.example', 'List-Unsubscribe: <mailto:u@x.example>']).unsubscribe).toBe(
      'mailto:u@x.example',
    );
    expect(facts(['From: a@x.example']).unsubscribe).toBeNull();
  });
});

describe('Headers', () => {
  it('unfolds headers, decodes encoded words in Subject, keeps ids without angle brackets', () => {
    const f = facts([
      'From: a@x.example',
      'Subject: =?ISO-8859-1?Q?Site_visit_Z=FCrich?=',
      'To: b@x.example,',
      '\tc@x.example',
      'Message-ID: <abc@x.example>',
      'In-Reply-To: <p@x.example>',
      'References: <r1@x.example>',
      ' <r2@x.example>',
    ]);
    expect(f.subject).toBe('Site visit Zürich');
    expect(f.subjectKey).toBe('site visit zürich');
    expect(f.to).toEqual(['b@x.example', 'c@x.example']);
    expect(f.messageId).toBe('abc@x.example');
    expect(f.inReplyTo).toEqual(['p@x.example']);
    expect(f.references).toEqual(['r1@x.example', 'r2@x.example']);
  });

  it('reads raw 8-bit headers as UTF-8 when valid and Latin-1 otherwise, without throwing', () => {
    const latin1 = Buffer.concat([
      Buffer.from('From: a@x.example\nSubject: Gr'),
      Buffer.from([0xfc, 0xdf]),
      Buffer.from('e\n\nx'),
    ]);
    expect(factsFromRaw(latin1, { folderLabels: [] }).subject).toBe('Grüße');
    expect(facts(['From: a@x.example', 'Subject: Grüße']).subject).toBe('Grüße');
  });

  it('a message whose headers cannot be read at all is refused with UNSUPPORTED_INPUT', () => {
    expect(() => factsFromRaw(Buffer.from('just some words\nand more\n'), { folderLabels: [] })).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_INPUT' }),
    );
  });

  it('the labels come from X-Gmail-Labels when present, else from the folder; X-GM-THRID is the thread', () => {
    expect(facts(['From: a@x.example'], ['SENT']).labels).toEqual(['SENT']);
    const takeout = facts(
      ['From: a@x.example', 'X-Gmail-Labels: Inbox,Unread', 'X-GM-THRID: 1234'],
      ['Takeout'],
    );
    expect(takeout.labels).toEqual(['INBOX', 'UNREAD']);
    expect(takeout.providerThreadId).toBe('1234');
  });
});

describe('Duplicate key and provider id', () => {
  const lines = [
    'From: Bob <BOB@x.example>',
    'Date: Tue, 11 Feb 2025 09:15:00 -0500',
    'To: a@x.example',
    'Cc: c@x.example',
  ];
  it('the content key is From address, Date instant, decoded Subject and the set of To and Cc addresses', () => {
    const a = facts([...lines, 'Subject: =?utf-8?q?Z=C3=BCrich?=', 'Message-ID: <1@x>']);
    const b = facts([
      'From: bob@x.example',
      'Date: Tue, 11 Feb 2025 14:15:00 +0000',
      'To: c@x.example',
      'Cc: a@x.example',
      'Subject: =?utf-8?b?WsO8cmljaA==?=',
      'Message-ID: <2@x>',
    ]);
    expect(a.contentKey).not.toBeNull();
    expect(a.contentKey).toBe(b.contentKey);
    expect(a.providerId).not.toBe(b.providerId);
    expect(facts([...lines.slice(0, 2), 'To: z@x.example']).contentKey).not.toBe(a.contentKey);
  });

  it('a message without a parseable Date has no content key; its provider id falls back to its bytes', () => {
    const bytes = raw(['From: a@x.example', 'Subject: no date']);
    const f = factsFromRaw(bytes, { folderLabels: [] });
    expect(f.contentKey).toBeNull();
    expect(f.providerId).toMatch(/^[0-9a-f]{24}$/);
    expect(factsFromRaw(bytes, { folderLabels: [] }).providerId).toBe(f.providerId);
  });
});

describe('Gmail resources', () => {
  it('the same headers give the same facts whether they come raw or from the Gmail API', () => {
    const headers = [
      { name: 'From', value: '"Uma via Hikers" <hikers@groups.example>' },
      { name: 'List-Post', value: '<mailto:hikers@groups.example>' },
      { name: 'Reply-To', value: 'Uma <uma@mail.example>' },
      { name: 'To', value: 'sam@x.example' },
      { name: 'Subject', value: 'Re: [Hikers] Saturday' },
      { name: 'Date', value: 'Mon, 7 Apr 2025 09:00:00 +0000' },
      { name: 'Message-ID', value: '<h1@groups.example>' },
    ];
    const gmail = factsFromGmail({
      id: '18c0',
      threadId: '18b0',
      labelIds: ['INBOX', 'CATEGORY_FORUMS'],
      internalDate: '1744016400123',
      sizeEstimate: 4321,
      payload: { headers },
    });
    const fromRaw = factsFromRaw(raw(headers.map((h) => `${h.name}: ${h.value}`)), {
      folderLabels: ['INBOX', 'CATEGORY_FORUMS'],
    });
    expect(gmail).toMatchObject({
      providerId: '18c0',
      providerThreadId: '18b0',
      time: 1744016400123,
      size: 4321,
    });
    const shared = [
      'from',
      'fromName',
      'sender',
      'senderName',
      'to',
      'subject',
      'subjectKey',
      'messageId',
      'automated',
      'listPost',
      'contentKey',
    ] as const;
    for (const key of shared) expect(gmail[key]).toEqual(fromRaw[key]);
  });
});

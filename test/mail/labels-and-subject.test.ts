import { describe, expect, it } from 'vitest';
import { folderNameOf, labelsFromFolderName, labelsFromTakeout } from '../../electron/engine/mail/labels.ts';
import { subjectKey } from '../../electron/engine/mail/subject.ts';

const folder = (file: string) => labelsFromFolderName(folderNameOf(file));

describe('Labels', () => {
  it('a Takeout `X-Gmail-Labels` header (comma-separated names, mapped; `Opened` and `Archived` dropped, others kept as user labels)', () => {
    expect(
      labelsFromTakeout(
        'Inbox,Sent,Drafts,Spam,Trash,Unread,Starred,Important,Category Promotions,Opened,Archived,Trips',
      ),
    ).toEqual([
      'INBOX',
      'SENT',
      'DRAFT',
      'SPAM',
      'TRASH',
      'UNREAD',
      'STARRED',
      'IMPORTANT',
      'CATEGORY_PROMOTIONS',
      'Trips',
    ]);
    expect(labelsFromTakeout('"Work, 2024",Inbox')).toEqual(['Work, 2024', 'INBOX']);
  });

  it('the file or folder name without its extension (`.mbox`, `.mbx`), compared case-insensitively with underscores as spaces and leading underscores and spaces dropped', () => {
    expect(folder('_sent_mail.mbox')).toEqual(['SENT']);
    expect(folder('Sent Items.mbx')).toEqual(['SENT']);
    expect(folder('INBOX.mbox.gz')).toEqual(['INBOX']);
    expect(folder('deleted_items.mbox')).toEqual(['TRASH']);
    expect(folder('Junk E-mail.mbox')).toEqual(['SPAM']);
    expect(folder('drafts')).toEqual(['DRAFT']);
    expect(folder('bin.mbox')).toEqual(['TRASH']);
  });

  it('for a dotted name (`deleted_items.personal`) the first segment decides the system label and the whole name is kept as a user label', () => {
    expect(folder('deleted_items.personal.mbox')).toEqual(['TRASH', 'deleted_items.personal']);
    expect(folder('inbox.ncl.mbox')).toEqual(['INBOX', 'inbox.ncl']);
    expect(folder('egm.lng.mbox')).toEqual(['egm.lng']);
  });

  it('any other name is a user label', () => {
    expect(folder('notes_inbox.mbox')).toEqual(['notes_inbox']);
    expect(folder('hikers.mbox')).toEqual(['hikers']);
  });
});

describe('Subject', () => {
  it('leading `Re:`, `Fwd:`, `Fw:`, `AW:`, `WG:`, `SV:` (case-insensitive, any spacing before the colon) removed repeatedly', () => {
    expect(subjectKey('RE: Fwd: aw:WG : sv: Fw:  Logo draft')).toBe('logo draft');
    expect(subjectKey('Re : [Studio]  Logo   draft')).toBe('logo draft');
  });

  it('bracketed tags (`[...]` of at most 40 characters containing no colon) removed from the start', () => {
    expect(subjectKey('[dev] Re: [PATCH v2] Fix')).toBe('fix');
    expect(subjectKey('[Action: needed] Brochure')).toBe('[action: needed] brochure');
    expect(subjectKey(`[${'x'.repeat(41)}] Long tag`)).toBe(`[${'x'.repeat(41)}] long tag`);
    expect(subjectKey('Report [draft]')).toBe('report [draft]');
  });

  it('whitespace collapsed, case-folded; no subject gives an empty key', () => {
    expect(subjectKey('  Quarterly\tNUMBERS \n ')).toBe('quarterly numbers');
    expect(subjectKey(null)).toBe('');
    expect(subjectKey('Re:')).toBe('');
  });
});

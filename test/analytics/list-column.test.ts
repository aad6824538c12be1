import { describe, expect, it } from 'vitest';
import { listReader } from '../../electron/engine/analytics/list-column.ts';

describe('reading JSON list columns', () => {
  it('reads every list exactly as JSON.parse does, plain or escaped', () => {
    const read = listReader();
    const lists = [
      [],
      [''],
      ['me@example.com'],
      ['INBOX', 'UNREAD', 'CATEGORY_UPDATES'],
      ['a"b@x.example', 'back\\slash'],
      ['tab\there', 'line\nbreak', 'é 中 😀'],
      ['a,b', '[c]', '"'],
    ];
    for (const list of lists) {
      const text = JSON.stringify(list);
      expect(read(text)).toEqual(JSON.parse(text));
    }
    expect(read('[ "spaced" , "list" ]')).toEqual(['spaced', 'list']);
  });

  it('shares one frozen array per distinct text', () => {
    const read = listReader();
    const first = read('["INBOX","UNREAD"]');
    expect(read('["INBOX","UNREAD"]')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(read('[]')).toBe(read('[]'));
  });
});

import { describe, expect, it } from 'vitest';
import { ContactIndex } from '../../electron/engine/analytics/contacts.ts';
import { ListDictionary } from '../../electron/engine/analytics/list-column.ts';
import { SENT } from '../../electron/engine/analytics/message-flags.ts';
import { RecipientPool } from '../../electron/engine/analytics/recipient-pool.ts';
import { TextDictionary } from '../../electron/engine/analytics/text-dictionary.ts';
import { ThreadIndex, ThreadNumbering } from '../../electron/engine/analytics/thread-index.ts';

describe('text and list dictionaries', () => {
  it('number each distinct text once, null being -1', () => {
    const texts = new TextDictionary();
    expect([texts.id('a'), texts.id('b'), texts.id('a'), texts.id(null), texts.id('')]).toEqual([
      0, 1, 0, -1, 2,
    ]);
    expect([texts.text(1), texts.text(-1), texts.text(2)]).toEqual(['b', null, '']);
  });

  it("read a packed table (a snapshot's) by cutting each text when asked, and grow it like any other", () => {
    const packed = TextDictionary.packed('aébcd', Uint32Array.of(2, 0, 3))!;
    expect([packed.size, packed.text(2), packed.text(1), packed.text(0), packed.text(-1)]).toEqual([
      3,
      'bcd',
      '',
      'aé',
      null,
    ]);
    expect(packed.id('bcd')).toBe(2);
    expect(packed.id('new')).toBe(3);
    expect(packed.texts).toEqual(['aé', '', 'bcd', 'new']);
    expect([packed.size, packed.text(3)]).toEqual([4, 'new']);
    expect(TextDictionary.packed('abc', Uint32Array.of(1, 1))).toBeNull();
  });

  it('number stored lists by text and in-memory lists by identity, the empty list being 0', () => {
    const lists = new ListDictionary();
    expect([lists.ofJson('[]'), lists.ofJson('["x","y"]'), lists.ofJson('["x","y"]')]).toEqual([0, 1, 1]);
    expect(lists.lists[1]).toEqual(['x', 'y']);
    const own = ['x', 'y'];
    expect([lists.of([]), lists.of(own), lists.of(own), lists.of(['x', 'y'])]).toEqual([0, 2, 2, 3]);
  });

  it("number the lists' items across lists, and read them back from those numbers as they were", () => {
    const lists = new ListDictionary();
    lists.ofJson('["x","y"]');
    lists.ofJson('["y"]');
    lists.of(['z', 'x', 'z']);
    expect(lists.items.texts).toEqual(['x', 'y', 'z']);
    expect([...lists.itemStart]).toEqual([0, 0, 2, 3, 6]);
    expect([...lists.itemOf]).toEqual([0, 1, 1, 2, 0, 2]);
    const restored = ListDictionary.restored([...lists.items.texts], lists.itemStart, lists.itemOf);
    expect(restored.lists).toEqual([[], ['x', 'y'], ['y'], ['z', 'x', 'z']]);
    expect([restored.ofJson('["y"]'), restored.ofJson('["w"]')]).toEqual([2, 4]);
    expect([...restored.itemStart]).toEqual([0, 0, 2, 3, 6, 7]);
  });
});

describe('the recipient pool', () => {
  it('keeps distinct contacts of To and Cc first, then Bcc-only ones, without identities', () => {
    const lists = new ListDictionary();
    const contacts = new ContactIndex(['me@example.com']);
    const to = lists.ofJson('["ann@a.example","me@example.com","ann@a.example"]');
    const cc = lists.ofJson('["bob@b.example"]');
    const bcc = lists.ofJson('["cy@c.example","bob@b.example"]');
    // A pool is made once the set's lists are all numbered.
    const pool = new RecipientPool(3, contacts, lists);
    pool.add(0, to, cc, bcc);
    pool.add(1, to, 0, 0);
    pool.add(2, to, 0, 0);
    const of = (i: number) =>
      Array.from(pool.pool.subarray(pool.start[i]!, pool.start[i]! + pool.length[i]!), (id) =>
        contacts.address(id),
      );
    expect(of(0)).toEqual(['ann@a.example', 'bob@b.example', 'cy@c.example']);
    expect(pool.toCc[0]).toBe(2);
    expect([of(1), pool.toCc[1]]).toEqual([['ann@a.example'], 1]);
    // Messages with the same To list and no Cc or Bcc share one slice.
    expect(pool.start[2]).toBe(pool.start[1]);
  });
});

describe('threads', () => {
  it('number threads as met, namespacing keys by account for several accounts', () => {
    const keys = new TextDictionary(['k1', 'k2']);
    const one = new ThreadNumbering(keys, false);
    expect([one.of(1, 1), one.of(2, 0), one.of(1, 1)]).toEqual([0, 1, 0]);
    expect([one.count, one.key(0), one.key(1)]).toEqual([2, 'k2', 'k1']);
    const several = new ThreadNumbering(keys, true);
    expect([several.of(1, 0), several.of(2, 0), several.of(1, 0), several.of(2, 1)]).toEqual([0, 1, 0, 2]);
    expect([0, 1, 2].map((t) => several.key(t))).toEqual(['1:k1', '2:k1', '2:k2']);
  });

  it('group messages by thread in walk order: time, received before sent, storage id', () => {
    const threadOf = Int32Array.from([0, 1, 0, 0, -1, 0]);
    const time = Float64Array.from([30, 5, 10, 10, Number.NaN, 10]);
    const flags = Uint8Array.from([0, 0, SENT, 0, 0, 0]);
    const rowId = Float64Array.from([1, 2, 3, 9, 5, 4]);
    const numbering = new ThreadNumbering(new TextDictionary(['a', 'b']), false);
    numbering.of(1, 0);
    numbering.of(1, 1);
    const threads = ThreadIndex.build(numbering, threadOf, time, flags, rowId);
    expect(Array.from(threads.members.subarray(threads.start[0], threads.start[1]))).toEqual([5, 3, 2, 0]);
    expect(Array.from(threads.members.subarray(threads.start[1], threads.start[2]))).toEqual([1]);
    expect([threads.numberOf('b'), threads.numberOf('c')]).toEqual([1, undefined]);
    expect(threads.firstAtOrAfter(0, 11, time) - threads.start[0]!).toBe(3);
  });
});

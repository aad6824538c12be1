import { BriefError } from '../../../shared/errors.ts';
import { isAfterHours, isWeekend } from './figures/after-hours.ts';
import { awaitingThreads } from './figures/awaiting.ts';
import { networkParticipants } from './figures/network.ts';
import { exchangesWith } from './figures/relationships.ts';
import { threadInRange } from './figures/threads.ts';
import { workingDelay } from './figures/working-hours.ts';
import { bucketOf } from './numbers.ts';
import { AUTOMATED, DATED, type Dataset, SENT, textOf } from './prepare.ts';
import { pairsInRange, type ReplyPairs } from './reply-walk.ts';
import { awaitingInstant, domainOf, inRange, inTotals } from './scope.ts';
import { DAY_MS, dateOfDay, weekStartOfDay } from './time/zone-clock.ts';
import type { ResolvedRange } from './types.ts';

/** Which cell or row to open: the figure's name and the key of the cell or row (see DRILLDOWN_KEYS). */
export interface DrilldownTarget {
  figure: DrilldownFigure;
  key: string | [string, string];
  /** For volume cells: only sent or only received messages. */
  direction?: 'sent' | 'received';
}

/** The key format of each figure's cells and rows. */
export const DRILLDOWN_KEYS = {
  coverage: '"all" (every message counted in the range) or "undated"',
  volume: 'a local day "YYYY-MM-DD", "week:YYYY-MM-DD" (its Monday) or "month:YYYY-MM"',
  busiestTimes: '"sent:<weekday 0-6, Monday = 0>:<hour>" or "received:…"',
  topSenders: 'the sender address',
  topRecipients: 'the recipient address',
  topDomains: '"senders:<domain>" or "recipients:<domain>"',
  responseTime: '"mine:<bucket 0-5>" or "theirs:<bucket 0-5>" (the pairs\' messages)',
  workingHours: '"mine:<bucket 0-5>" or "theirs:<bucket 0-5>", bucketed by working time',
  afterHours: '"outside" or "weekend"',
  awaiting: '"onMe" or "onThem" (the last message of each thread)',
  threads: 'the thread key from the report',
  newsletters: 'the sender address',
  labels: 'the label id',
  bytesBySender: 'the sender address',
  relationships: 'the contact address',
  goingQuiet: 'the contact address',
  network: 'a contact address, or a pair of addresses for an edge',
} as const;

export type DrilldownFigure = keyof typeof DRILLDOWN_KEYS;

function badKey(target: DrilldownTarget): BriefError {
  return new BriefError(
    'VALIDATION',
    `"${String(target.key)}" is not a cell of ${target.figure}. Its keys are ${DRILLDOWN_KEYS[target.figure] ?? 'unknown'}.`,
  );
}

function split(target: DrilldownTarget): [string, string] {
  if (typeof target.key !== 'string') throw badKey(target);
  const at = target.key.indexOf(':');
  if (at < 0) throw badKey(target);
  return [target.key.slice(0, at), target.key.slice(at + 1)];
}

/** The distinct messages of the pairs, openings and closings in pair order. */
function pairMessages(pairs: ReplyPairs, chosen: Iterable<number>): number[] {
  const messages = new Set<number>();
  for (const k of chosen) {
    messages.add(pairs.opening[k]!);
    messages.add(pairs.closing[k]!);
  }
  return [...messages];
}

function responseCell(
  data: Dataset,
  range: ResolvedRange,
  target: DrilldownTarget,
  working: boolean,
): number[] {
  const [kind, bucket] = split(target);
  if ((kind !== 'mine' && kind !== 'theirs') || !/^[0-5]$/.test(bucket)) throw badKey(target);
  const pairs = kind === 'mine' ? data.mine : data.theirs;
  const delay = (k: number) => (working ? workingDelay(data, pairs, k) : pairs.delay[k]!);
  const inside = pairsInRange(pairs, range.from, range.to);
  return pairMessages(
    pairs,
    inside.filter((k) => bucketOf(delay(k)) === Number(bucket)),
  );
}

function volumeCell(data: Dataset, range: ResolvedRange, key: string): (i: number) => boolean {
  const day = (i: number) => data.day[i]!;
  if (key.startsWith('week:'))
    return (i) => inRange(data, i, range) && dateOfDay(weekStartOfDay(day(i))) === key.slice(5);
  if (key.startsWith('month:'))
    return (i) => inRange(data, i, range) && dateOfDay(day(i)).slice(0, 7) === key.slice(6);
  return (i) => inRange(data, i, range) && dateOfDay(day(i)) === key;
}

function recipientsOf(data: Dataset, i: number): Int32Array {
  const { pool, start, length } = data.recipients;
  return pool.subarray(start[i]!, start[i]! + length[i]!);
}

/** The messages behind one cell or row of a figure, unordered. */
export function selectMessages(data: Dataset, range: ResolvedRange, target: DrilldownTarget): number[] {
  const key = target.key;
  const where = (accept: (i: number) => boolean) => {
    const chosen: number[] = [];
    for (let i = 0; i < data.count; i++) if (accept(i)) chosen.push(i);
    return chosen;
  };
  const inside = (accept: (i: number) => boolean) => where((i) => inRange(data, i, range) && accept(i));
  const sent = (i: number) => (data.flags[i]! & SENT) !== 0;
  const automated = (i: number) => (data.flags[i]! & AUTOMATED) !== 0;
  const dated = (i: number) => (data.flags[i]! & DATED) !== 0;
  const sender = (i: number) => textOf(data, data.sender[i]!);
  if (target.figure === 'network' && Array.isArray(key)) {
    return inside((i) => {
      const people = networkParticipants(data, i);
      return people.includes(data.contacts.find(key[0])) && people.includes(data.contacts.find(key[1]));
    });
  }
  if (typeof key !== 'string') throw badKey(target);
  switch (target.figure) {
    case 'coverage':
      if (key === 'undated') return where((i) => !dated(i) && range.preset === 'all');
      if (key === 'all') return where((i) => inTotals(data, i, range));
      throw badKey(target);
    case 'volume': {
      const cell = volumeCell(data, range, key);
      return where(
        (i) => cell(i) && (target.direction === undefined || sent(i) === (target.direction === 'sent')),
      );
    }
    case 'busiestTimes': {
      const [direction, weekday, hour] = key.split(':');
      if (direction !== 'sent' && direction !== 'received') throw badKey(target);
      return inside(
        (i) =>
          sent(i) === (direction === 'sent') &&
          data.weekday[i] === Number(weekday) &&
          data.hour[i] === Number(hour),
      );
    }
    case 'topSenders': {
      const id = data.contacts.find(key);
      return inside((i) => !sent(i) && id >= 0 && data.contact[i] === id);
    }
    case 'topRecipients': {
      const id = data.contacts.find(key);
      return inside((i) => sent(i) && recipientsOf(data, i).includes(id));
    }
    case 'topDomains': {
      const [list, domain] = split(target);
      const ofDomain = (id: number) => domainOf(data.contacts.address(id)) === domain;
      if (list === 'senders')
        return inside((i) => !sent(i) && data.contact[i]! >= 0 && ofDomain(data.contact[i]!));
      if (list === 'recipients') return inside((i) => sent(i) && recipientsOf(data, i).some(ofDomain));
      throw badKey(target);
    }
    case 'responseTime':
      return responseCell(data, range, target, false);
    case 'workingHours':
      return responseCell(data, range, target, true);
    case 'afterHours':
      if (key === 'outside') return inside((i) => sent(i) && isAfterHours(data, i));
      if (key === 'weekend') return inside((i) => sent(i) && isWeekend(data, i));
      throw badKey(target);
    case 'awaiting': {
      if (key !== 'onMe' && key !== 'onThem') throw badKey(target);
      const { lists, last } = awaitingThreads(data, range);
      return lists[key].map((entry) => last.get(entry.thread)!);
    }
    case 'threads': {
      const t = data.threads.numberOf(key);
      if (t === undefined) return [];
      const [from, to] = threadInRange(data, t, range);
      return Array.from(data.threads.members.subarray(from, to));
    }
    case 'newsletters':
      return inside((i) => !sent(i) && automated(i) && sender(i) === key);
    case 'labels':
      return inside((i) => data.lists[data.labels[i]!]!.includes(key));
    case 'bytesBySender':
      return inside((i) => sender(i) === key);
    case 'relationships': {
      const id = data.contacts.find(key);
      return inside((i) => exchangesWith(data, i, id));
    }
    case 'goingQuiet': {
      const instant = awaitingInstant(range, data.asOf);
      const id = data.contacts.find(key);
      return where(
        (i) =>
          data.time[i]! >= instant - 120 * DAY_MS && data.time[i]! < instant && exchangesWith(data, i, id),
      );
    }
    case 'network': {
      const id = data.contacts.find(key);
      return inside((i) => networkParticipants(data, i).includes(id));
    }
    default:
      throw new BriefError(
        'VALIDATION',
        `There is no figure "${String(target.figure)}" to open. Choose one of: ${Object.keys(DRILLDOWN_KEYS).join(', ')}.`,
      );
  }
}

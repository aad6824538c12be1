import { BriefError } from '../../../shared/errors.ts';
import { isAfterHours, isWeekend } from './figures/after-hours.ts';
import { awaitingThreads } from './figures/awaiting.ts';
import { networkParticipants } from './figures/network.ts';
import { exchangeContactIds } from './figures/relationships.ts';
import { threadInRange } from './figures/threads.ts';
import { bucketOf } from './numbers.ts';
import type { Dataset, PreparedMessage } from './prepare.ts';
import { pairsInRange, type ReplyPair } from './reply-walk.ts';
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

function pairMessages(pairs: readonly ReplyPair[]): PreparedMessage[] {
  return [...new Set(pairs.flatMap((pair) => [pair.opening, pair.closing]))];
}

function responseCell(
  data: Dataset,
  range: ResolvedRange,
  target: DrilldownTarget,
  working: boolean,
): PreparedMessage[] {
  const [kind, bucket] = split(target);
  if ((kind !== 'mine' && kind !== 'theirs') || !/^[0-5]$/.test(bucket)) throw badKey(target);
  const delay = (pair: ReplyPair) =>
    working ? data.working.between(pair.opening.time, pair.closing.time) : pair.delay;
  const pairs = pairsInRange(kind === 'mine' ? data.mine : data.theirs, range.from, range.to);
  return pairMessages(pairs.filter((pair) => bucketOf(delay(pair)) === Number(bucket)));
}

function volumeCell(range: ResolvedRange, key: string): (m: PreparedMessage) => boolean {
  if (key.startsWith('week:'))
    return (m) => inRange(m, range) && dateOfDay(weekStartOfDay(m.day)) === key.slice(5);
  if (key.startsWith('month:'))
    return (m) => inRange(m, range) && dateOfDay(m.day).slice(0, 7) === key.slice(6);
  return (m) => inRange(m, range) && dateOfDay(m.day) === key;
}

/** The messages behind one cell or row of a figure, unordered. */
export function selectMessages(
  data: Dataset,
  range: ResolvedRange,
  target: DrilldownTarget,
): PreparedMessage[] {
  const key = target.key;
  const where = (accept: (m: PreparedMessage) => boolean) => data.messages.filter(accept);
  const inside = (accept: (m: PreparedMessage) => boolean) => where((m) => inRange(m, range) && accept(m));
  if (target.figure === 'network' && Array.isArray(key)) {
    return inside((m) => {
      const people = networkParticipants(m);
      return people.includes(data.contacts.find(key[0])) && people.includes(data.contacts.find(key[1]));
    });
  }
  if (typeof key !== 'string') throw badKey(target);
  switch (target.figure) {
    case 'coverage':
      if (key === 'undated') return where((m) => !m.dated && range.preset === 'all');
      if (key === 'all') return where((m) => inTotals(m, range));
      throw badKey(target);
    case 'volume': {
      const cell = volumeCell(range, key);
      return where(
        (m) => cell(m) && (target.direction === undefined || m.sent === (target.direction === 'sent')),
      );
    }
    case 'busiestTimes': {
      const [direction, weekday, hour] = key.split(':');
      if (direction !== 'sent' && direction !== 'received') throw badKey(target);
      return inside(
        (m) => m.sent === (direction === 'sent') && m.weekday === Number(weekday) && m.hour === Number(hour),
      );
    }
    case 'topSenders':
      return inside((m) => !m.sent && m.contact === key);
    case 'topRecipients':
      return inside((m) => m.sent && m.recipientIds.includes(data.contacts.find(key)));
    case 'topDomains': {
      const [list, domain] = split(target);
      if (list === 'senders')
        return inside((m) => !m.sent && m.contact !== null && domainOf(m.contact) === domain);
      if (list === 'recipients')
        return inside(
          (m) => m.sent && m.recipientIds.some((id) => domainOf(data.contacts.address(id)) === domain),
        );
      throw badKey(target);
    }
    case 'responseTime':
      return responseCell(data, range, target, false);
    case 'workingHours':
      return responseCell(data, range, target, true);
    case 'afterHours':
      if (key === 'outside') return inside((m) => m.sent && isAfterHours(data, m));
      if (key === 'weekend') return inside((m) => m.sent && isWeekend(m));
      throw badKey(target);
    case 'awaiting': {
      if (key !== 'onMe' && key !== 'onThem') throw badKey(target);
      const { lists, last } = awaitingThreads(data, range);
      return lists[key].map((entry) => last.get(entry.thread)!);
    }
    case 'threads':
      return threadInRange(data.threads.get(key) ?? [], range);
    case 'newsletters':
      return inside((m) => !m.sent && m.automated && m.source.sender === key);
    case 'labels':
      return inside((m) => m.source.labels.includes(key));
    case 'bytesBySender':
      return inside((m) => m.source.sender === key);
    case 'relationships':
      return inside((m) => exchangeContactIds(m).includes(data.contacts.find(key)));
    case 'goingQuiet': {
      const instant = awaitingInstant(range, data.asOf);
      return where(
        (m) =>
          m.dated &&
          m.time >= instant - 120 * DAY_MS &&
          m.time < instant &&
          exchangeContactIds(m).includes(data.contacts.find(key)),
      );
    }
    case 'network':
      return inside((m) => networkParticipants(m).includes(data.contacts.find(key)));
    default:
      throw new BriefError(
        'VALIDATION',
        `There is no figure "${String(target.figure)}" to open. Choose one of: ${Object.keys(DRILLDOWN_KEYS).join(', ')}.`,
      );
  }
}

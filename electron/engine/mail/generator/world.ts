import { BriefError } from '../../../../shared/errors.ts';
import { rfc5322Date } from './dates.ts';
import { asAlias, makeContacts, makeUser, type Person } from './people.ts';
import { Random } from './random.ts';
import { Rhythm } from './rhythm.ts';
import { type BulkSender, type MailingList, makeLists, makeNewsletters, makeServices } from './senders.ts';
import { Texts } from './text.ts';
import type { GeneratorOptions } from './types.ts';
import { DAY, Zones } from './zones.ts';

export const DEFAULT_END = Date.UTC(2026, 10, 1, 12, 0, 0);
const YEAR = 365.25 * DAY;

/** Everything fixed for one mailbox: the people, senders and lists, the clock span and the random streams. */
export interface World {
  random: Random;
  texts: Texts;
  from: number;
  end: number;
  user: Person;
  aliases: Person[];
  contacts: Person[];
  newsletters: BulkSender[];
  services: BulkSender[];
  lists: MailingList[];
  rhythm: Rhythm;
}

export function makeWorld(options: GeneratorOptions): World {
  const { seed, messages } = options;
  const identities = options.identities ?? ['me@example.com'];
  const end = options.end ?? DEFAULT_END;
  const years = options.years ?? 3;
  if (!Number.isInteger(seed))
    throw new BriefError('VALIDATION', 'The generator seed must be a whole number.');
  if (!Number.isInteger(messages) || messages < 0) {
    throw new BriefError(
      'VALIDATION',
      'The number of messages to generate must be a whole number of at least 0.',
    );
  }
  if (!Number.isFinite(end) || !(years > 0)) {
    throw new BriefError(
      'VALIDATION',
      'The mailbox needs a finite end time and a span of more than 0 years.',
    );
  }
  if (identities.length === 0 || identities.some((address) => !/^[^@\s<>]+@[^@\s<>]+$/.test(address))) {
    throw new BriefError(
      'VALIDATION',
      'Give at least one identity, each a plain address like me@example.com.',
    );
  }
  const from = end - years * YEAR;
  const zones = new Zones(from, end);
  const userZone = zones.get(options.timeZone ?? 'Europe/London');
  const setup = new Random(seed);
  const user = makeUser(identities[0]!, setup, userZone, options.userName);
  const contactCount = Math.round(Math.min(4000, Math.max(40, Math.sqrt(messages) * 3)));
  const contacts = makeContacts(contactCount, setup, zones, userZone.name, user.domain);
  return {
    random: setup.fork(1),
    texts: new Texts(setup.fork(2)),
    from,
    end,
    user,
    aliases: identities.slice(1).map((address) => asAlias(user, address)),
    contacts,
    newsletters: makeNewsletters(Math.round(Math.min(400, Math.max(12, Math.sqrt(messages) * 0.8))), setup),
    services: makeServices(setup),
    lists: makeLists(Math.min(8, 3 + Math.floor(messages / 20000)), contacts, setup),
    rhythm: new Rhythm(userZone, from, end),
  };
}

/** The Date header as the author's own clock writes it. */
export function dateHeader(person: Person, t: number): string {
  return rfc5322Date(t, person.zone.offsetMinutes(t));
}

/** A Message-ID unique in the mailbox: the Gmail id is unique, the rest is how the author's system looks. */
export function messageIdFor(id: string, domain: string, random: Random): string {
  return domain === 'gmail.com' || domain === 'googlemail.com'
    ? `<CA+${id}${random.hex(8)}@mail.gmail.com>`
    : `<${id}.${random.hex(6)}@${domain}>`;
}

/** References as clients write them: the whole chain, or the root and the last nine once it grows long. */
export function referencesValue(references: readonly string[]): string {
  return references.length <= 10 ? references.join(' ') : [references[0], ...references.slice(-9)].join(' ');
}

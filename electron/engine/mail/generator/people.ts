import { encodePhrase, mailbox } from './addresses.ts';
import type { Random } from './random.ts';
import { DAY, HOUR, MINUTE, type Zones, type ZoneTable } from './zones.ts';

const FIRST = [
  'Alice',
  'Ben',
  'Chloe',
  'Daniel',
  'Emma',
  'Farah',
  'George',
  'Hannah',
  'Isaac',
  'Julia',
  'Kevin',
  'Laura',
  'Marcus',
  'Nina',
  'Oliver',
  'Priya',
  'Quentin',
  'Rachel',
  'Samuel',
  'Tara',
  'Umar',
  'Vera',
  'William',
  'Yusuf',
  'Zara',
  'Aidan',
  'Bella',
  'Carlos',
  'Diana',
  'Ethan',
  'Grace',
  'Henry',
  'Ivy',
  'Jack',
  'Kate',
  'Liam',
  'Maya',
  'Noah',
  'Olivia',
  'Paul',
  'Rosa',
  'Sophie',
  'Tom',
  'Wei',
  'Xavier',
  'Yara',
];
const LAST = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Patel',
  'Wright',
  'Walker',
  'Hughes',
  'Green',
  'Hall',
  'Clarke',
  'Lewis',
  'Harris',
  'Martin',
  'Cooper',
  'King',
  'Baker',
  'Khan',
  'Chen',
  'Nguyen',
  'Garcia',
  "O'Brien",
  'Murphy',
  'Kelly',
  'Fischer',
  'Rossi',
  'Silva',
  'Novak',
  'Larsen',
  'Sato',
];
/** Names that need encoded-words in a header. */
const NON_ASCII = [
  'José Álvarez',
  'Zoë Brontë',
  'Jürgen Müller',
  'Łukasz Wróbel',
  'François Lefèvre',
  'Søren Kierkegård',
  'Ana Conceição',
  'Ömer Çelik',
  '山田 太郎',
  '李 伟',
  'Дмитрий Иванов',
  'Αλέξης Παππάς',
  'Nguyễn Thị Hương',
  'Renée Dubé',
  'Björn Ångström',
];
const ASCII_FOR = new Map<string, string>([
  ['José Álvarez', 'jose.alvarez'],
  ['Zoë Brontë', 'zoe.bronte'],
  ['Jürgen Müller', 'juergen.mueller'],
  ['Łukasz Wróbel', 'lukasz.wrobel'],
  ['François Lefèvre', 'francois.lefevre'],
  ['Søren Kierkegård', 'soren.k'],
  ['Ana Conceição', 'ana.conceicao'],
  ['Ömer Çelik', 'omer.celik'],
  ['山田 太郎', 'yamada.taro'],
  ['李 伟', 'li.wei'],
  ['Дмитрий Иванов', 'dmitry.ivanov'],
  ['Αλέξης Παππάς', 'alexis.pappas'],
  ['Nguyễn Thị Hương', 'huong.nguyen'],
  ['Renée Dubé', 'renee.dube'],
  ['Björn Ångström', 'bjorn.angstrom'],
]);
const COMPANIES = [
  'northwind.example',
  'contoso.example',
  'globex.example',
  'initech.example',
  'umbrella-labs.example',
  'acme-corp.example',
  'hooli.example',
  'vandelay.example',
  'wayne-ent.example',
  'stark.example',
  'tyrell.example',
  'cyberdyne.example',
  'soylent.example',
  'wonka.example',
  'oceanic.example',
  'gringotts.example',
];
const WEBMAIL = [
  'gmail.com',
  'gmail.com',
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.co.uk',
  'yahoo.com',
  'aol.com',
  'icloud.com',
  'web.de',
  'proton.me',
];
/** Webmail whose DMARC policy is "reject": lists rewrite their members' From ("via"). */
const STRICT_DMARC = new Set(['yahoo.com', 'aol.com']);
const ELSEWHERE = [
  'America/New_York',
  'America/Los_Angeles',
  'America/Chicago',
  'Europe/Berlin',
  'Europe/Paris',
  'Asia/Tokyo',
  'Asia/Kolkata',
  'Australia/Sydney',
  'America/Sao_Paulo',
  'Asia/Singapore',
];

/** Someone the user writes with, and how they behave. */
export interface Person {
  address: string;
  /** Display name as decoded text; null when they send bare addresses. */
  name: string | null;
  /** `Name <addr>` as it appears in a header, encoded. */
  header: string;
  domain: string;
  zone: ZoneTable;
  /** Median and spread of their log-normal reply delay. */
  replyMedian: number;
  replySigma: number;
  /** Probability that a reply written out of hours waits for their next working morning. */
  diligence: number;
  /** Probability that mail to them draws an out-of-office auto-reply. */
  awayRate: number;
  strictDmarc: boolean;
}

export function makeContacts(
  count: number,
  random: Random,
  zones: Zones,
  userZone: string,
  userDomain: string,
): Person[] {
  const people: Person[] = [];
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    const nonAscii = random.chance(0.12);
    const name = nonAscii ? random.pick(NON_ASCII) : `${random.pick(FIRST)} ${random.pick(LAST)}`;
    const domain = pickDomain(random, userDomain);
    let local = localPart(name, random);
    while (used.has(`${local}@${domain}`)) local += random.int(10);
    used.add(`${local}@${domain}`);
    // A few people write their address with capitals; the mail model lower-cases it.
    const address = random.chance(0.04) ? capitalise(`${local}@${domain}`) : `${local}@${domain}`;
    const shown = random.chance(0.08) ? null : random.chance(0.06) ? commaName(name) : name;
    const fastOrSlow = random.logNormal(90 * MINUTE, 1.5);
    people.push({
      address,
      name: shown,
      header: mailbox(shown === null ? null : encodePhrase(shown, random.chance(0.4)), address),
      domain,
      zone: zones.get(random.chance(0.55) ? userZone : random.pick(ELSEWHERE)),
      replyMedian: Math.min(Math.max(fastOrSlow, 3 * MINUTE), 5 * DAY),
      replySigma: 0.7 + random.next() * 0.9,
      diligence: 0.3 + random.next() * 0.6,
      awayRate: random.chance(0.3) ? 0.03 + random.next() * 0.08 : 0,
      strictDmarc: STRICT_DMARC.has(domain),
    });
  }
  return people;
}

export function makeUser(address: string, random: Random, zone: ZoneTable, given?: string): Person {
  // Drawn even when given, so that a name changes nothing else the seed generates.
  const drawn = `${random.pick(FIRST)} ${random.pick(LAST)}`;
  const name = given ?? drawn;
  return {
    address,
    name,
    header: mailbox(encodePhrase(name, false), address),
    domain: address.slice(address.lastIndexOf('@') + 1),
    zone,
    replyMedian: 100 * MINUTE,
    replySigma: 1.4,
    diligence: 0.65,
    awayRate: 0,
    strictDmarc: false,
  };
}

/** The same person writing from another address (an alias). */
export function asAlias(user: Person, address: string): Person {
  return { ...user, address, header: mailbox(encodePhrase(user.name ?? '', false), address) };
}

function pickDomain(random: Random, userDomain: string): string {
  const roll = random.next();
  if (roll < 0.15) return userDomain;
  if (roll < 0.6) return COMPANIES[random.skewed(COMPANIES.length, 1.6)]!;
  return random.pick(WEBMAIL);
}

function localPart(name: string, random: Random): string {
  const base =
    ASCII_FOR.get(name) ??
    name
      .toLowerCase()
      .replace(/[^a-z ]/g, '')
      .replace(' ', '.');
  const [first = 'x', last = 'y'] = base.split('.');
  switch (random.int(4)) {
    case 0:
      return base;
    case 1:
      return `${first[0]}${last}`;
    case 2:
      return `${first}${random.between(1, 99)}`;
    default:
      return `${first}_${last}`;
  }
}

function capitalise(address: string): string {
  return address.replace(/(^|[.@])([a-z])/g, (_m, lead: string, ch: string) => lead + ch.toUpperCase());
}

function commaName(name: string): string {
  const space = name.lastIndexOf(' ');
  return space < 0 ? name : `${name.slice(space + 1)}, ${name.slice(0, space)}`;
}

/** The delay before a person answers, pushed into their working hours when they keep to them. */
export function replyDelay(person: Person, random: Random): number {
  return Math.max(random.logNormal(person.replyMedian, person.replySigma), 30_000 + random.int(HOUR / 30));
}

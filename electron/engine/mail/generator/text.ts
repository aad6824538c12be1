import type { Random } from './random.ts';

const TOPICS = [
  'budget',
  'roadmap',
  'launch',
  'offsite',
  'contract',
  'invoice',
  'design review',
  'hiring plan',
  'quarterly report',
  'migration',
  'release notes',
  'customer call',
  'board deck',
  'travel plans',
  'dinner',
  'weekend',
  'conference talk',
  'onboarding',
  'security audit',
  'pricing',
  'partnership',
  'workshop',
  'interview',
  'renovation',
  'birthday party',
];
const SHAPES = [
  (t: string) => `${cap(t)} next steps`,
  (t: string) => `Quick question about the ${t}`,
  (t: string) => `${cap(t)} - draft for review`,
  (t: string) => `Re-scheduling the ${t}`,
  (t: string) => `${cap(t)}?`,
  (t: string) => `Notes from the ${t}`,
  (t: string) => `Update on ${t}`,
  (t: string) => `Fwd: ${t} details`,
  (t: string) => `${cap(t)} (v2)`,
];
const NON_ASCII_SUBJECTS = [
  'Café on Friday?',
  'Über das Projekt',
  '会議の件について',
  'Résumé attached',
  'Naïve question ✓',
  'Smörgåsbord plans',
];
const WORDS =
  'the we should could would next week plan team numbers draft review call meeting send share notes quick thought idea update timeline scope customer budget figures agreed point follow attached looks good thanks again happy discuss tomorrow friday morning afternoon later today before after around about sure'.split(
    ' ',
  );
/** Lines that an mbox writer must escape, mixed into bodies now and then. */
const FROM_LINES = [
  'From what I can tell, we are on track.',
  'From the notes:',
  '>From an earlier quote, escaped once already.',
];

function cap(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}

/** Pre-built sentences so bodies cost a few picks, not a word loop, per message. */
export class Texts {
  private readonly sentences: string[];
  private readonly random: Random;

  constructor(random: Random) {
    this.random = random;
    this.sentences = [];
    for (let i = 0; i < 400; i++) {
      const length = random.between(5, 16);
      const words: string[] = [];
      for (let w = 0; w < length; w++) words.push(random.pick(WORDS));
      this.sentences.push(`${cap(words.join(' '))}${random.chance(0.15) ? '?' : '.'}`);
    }
  }

  subject(): string {
    if (this.random.chance(0.03)) return this.random.pick(NON_ASCII_SUBJECTS);
    return this.random.pick(SHAPES)(this.random.pick(TOPICS));
  }

  newsletterSubject(brand: string): string {
    const issue = this.random.between(1, 400);
    return this.random.pick([
      `${brand}: issue #${issue}`,
      `Your ${brand} digest`,
      `${this.random.between(10, 70)}% off this weekend only`,
      `New this week at ${brand}`,
    ]);
  }

  paragraph(min: number, max: number): string {
    const count = this.random.between(min, max);
    let out = '';
    for (let i = 0; i < count; i++) out += (i ? ' ' : '') + this.random.pick(this.sentences);
    return out;
  }

  /** A short personal message, now and then with a line an mbox writer must escape. */
  personalBody(signature: string, quote: string | null): string {
    let body = `Hi,\n\n${this.paragraph(1, 4)}\n`;
    if (this.random.chance(0.3)) body += `\n${this.paragraph(1, 3)}\n`;
    if (this.random.chance(0.03)) body += `\n${this.random.pick(FROM_LINES)}\n`;
    body += `\n${signature}\n`;
    if (quote) body += `\n${quote}\n`;
    return body;
  }

  bulkBody(brand: string, link: string): string {
    return `${ascii(brand)}\n\n${this.paragraph(3, 6)}\n\n${this.paragraph(2, 4)}\n\nView in your browser: ${link}\nYou are receiving this because you subscribed.\n`;
  }
}

/** Bodies are written as 7-bit text: accents dropped, other scripts replaced by the fallback. */
export function ascii(text: string, fallback = ''): string {
  const plain = text.normalize('NFD').replace(/[^\x20-\x7e]/g, '');
  return plain.trim() ? plain : fallback;
}

/** The attribution line and first quoted line of a reply. */
export function quoteOf(date: string, who: string, body: string): string {
  const firstLine = body.split('\n', 3)[2] ?? '';
  return `On ${date}, ${who} wrote:\n> ${firstLine.slice(0, 200)}`;
}

import {
  type GeneratedMessage,
  type GeneratorOptions,
  generateMailbox,
} from '../../electron/engine/mail/generator/index.ts';

export function collect(options: GeneratorOptions): GeneratedMessage[] {
  return [...generateMailbox(options)];
}

/** The first value of a header, matched case-insensitively, as Gmail's metadata format does. */
export function header(message: GeneratedMessage, name: string): string | undefined {
  const lower = name.toLowerCase();
  return message.headers.find((h) => h.name.toLowerCase() === lower)?.value;
}

/** Addresses in a header value: enough of RFC 5322 for what the generator writes. */
export function addresses(value: string | undefined): string[] {
  if (!value) return [];
  const found: string[] = [];
  for (const match of value.matchAll(/<([^<>\s]+@[^<>\s]+)>|(?:^|[\s,])([^\s,<>"]+@[^\s,<>"]+)/g)) {
    found.push((match[1] ?? match[2]!).toLowerCase());
  }
  return found;
}

export function share(
  items: readonly GeneratedMessage[],
  test: (message: GeneratedMessage) => boolean,
): number {
  return items.length === 0 ? 0 : items.filter(test).length / items.length;
}

export function isSent(message: GeneratedMessage): boolean {
  return message.labelIds.includes('SENT');
}

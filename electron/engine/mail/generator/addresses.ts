/**
 * Display names as mail clients write them: plain ASCII as an atom or a quoted string, anything
 * else as RFC 2047 encoded-words (UTF-8 base64 mostly, ISO-8859-1 quoted-printable where the
 * name fits Latin-1, as older clients do). Done once per person, never per message.
 */
export function encodePhrase(name: string, preferQ: boolean): string {
  if (/^[\x20-\x7e]*$/.test(name)) {
    return /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]+$/.test(name) ? name : `"${name.replace(/(["\\])/g, '\\$1')}"`;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: Latin-1 range check
  if (preferQ && /^[\x00-\xff]*$/.test(name)) return qEncodedWord(name);
  return bEncodedWords(name);
}

function qEncodedWord(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch === ' ') out += '_';
    else if (/[A-Za-z0-9]/.test(ch)) out += ch;
    else out += `=${code.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return `=?ISO-8859-1?Q?${out}?=`;
}

/** Base64 words of at most 75 characters, split on character boundaries as RFC 2047 requires. */
function bEncodedWords(text: string): string {
  const words: string[] = [];
  let chunk = '';
  for (const ch of text) {
    if (Buffer.byteLength(chunk + ch, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word, 'utf8').toString('base64')}?=`).join(' ');
}

/** An encoded Subject: ASCII as is, otherwise encoded-words. */
export function encodeText(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : bEncodedWords(text);
}

/** `Name <addr>` with the phrase already encoded; a bare address when there is no name. */
export function mailbox(encodedName: string | null, address: string): string {
  return encodedName ? `${encodedName} <${address}>` : address;
}

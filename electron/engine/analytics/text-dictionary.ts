/**
 * Distinct texts (senders, thread keys) numbered as they are first met, -1
 * standing for null: columns of them are Int32Arrays, each repeated text is kept once, and what
 * depends only on the text (a sender's contact number) is looked up once per text.
 */
export class TextDictionary {
  #texts: string[] | null;
  /** A table read back from a snapshot: its texts joined, and where each starts (one more entry than texts). */
  #joined = '';
  #starts: Uint32Array | null = null;
  /** Built on the first `id` call: a dictionary read back from a snapshot is usually only read. */
  #ids: Map<string, number> | null;

  constructor(texts: string[] = []) {
    this.#texts = texts;
    this.#ids = texts.length === 0 ? new Map() : null;
  }

  /**
   * The texts of `joined` cut at `lengths` (UTF-16 units), each cut only when read: a table of
   * 470,000 thread keys, of which a report lists a few dozen, stays one string and one array.
   * Null when the lengths do not add up to the joined text.
   */
  static packed(joined: string, lengths: Uint32Array): TextDictionary | null {
    const starts = new Uint32Array(lengths.length + 1);
    for (let k = 0; k < lengths.length; k++) starts[k + 1] = starts[k]! + lengths[k]!;
    if (starts[lengths.length] !== joined.length) return null;
    const dictionary = new TextDictionary();
    dictionary.#texts = null;
    dictionary.#ids = null;
    dictionary.#joined = joined;
    dictionary.#starts = starts;
    return dictionary;
  }

  /** Every text, by number (a packed table is cut whole the first time). */
  get texts(): string[] {
    if (this.#texts === null) {
      const starts = this.#starts!;
      const texts = new Array<string>(starts.length - 1);
      for (let k = 0; k < texts.length; k++) texts[k] = this.#joined.slice(starts[k]!, starts[k + 1]!);
      this.#texts = texts;
      this.#joined = '';
      this.#starts = null;
    }
    return this.#texts;
  }

  /** How many texts there are. */
  get size(): number {
    return this.#texts === null ? this.#starts!.length - 1 : this.#texts.length;
  }

  id(text: string | null): number {
    if (text === null) return -1;
    const texts = this.texts;
    this.#ids ??= new Map(texts.map((known, id) => [known, id]));
    let id = this.#ids.get(text);
    if (id === undefined) {
      id = texts.length;
      texts.push(text);
      this.#ids.set(text, id);
    }
    return id;
  }

  text(id: number): string | null {
    if (id < 0) return null;
    if (this.#texts !== null) return this.#texts[id]!;
    return this.#joined.slice(this.#starts![id]!, this.#starts![id + 1]!);
  }
}

/**
 * Distinct texts (senders, thread keys) numbered as they are first met, -1
 * standing for null: columns of them are Int32Arrays, each repeated text is kept once, and what
 * depends only on the text (a sender's contact number) is looked up once per text.
 */
export class TextDictionary {
  readonly texts: string[];
  /** Built on the first `id` call: a dictionary read back from a snapshot is usually only read. */
  #ids: Map<string, number> | null;

  constructor(texts: string[] = []) {
    this.texts = texts;
    this.#ids = texts.length === 0 ? new Map() : null;
  }

  id(text: string | null): number {
    if (text === null) return -1;
    this.#ids ??= new Map(this.texts.map((known, id) => [known, id]));
    let id = this.#ids.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(text);
      this.#ids.set(text, id);
    }
    return id;
  }

  text(id: number): string | null {
    return id < 0 ? null : this.texts[id]!;
  }
}

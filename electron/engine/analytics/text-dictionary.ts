/**
 * Distinct texts (senders, thread keys) numbered as they are first met, -1
 * standing for null: columns of them are Int32Arrays, each repeated text is kept once, and what
 * depends only on the text (a sender's contact number) is looked up once per text.
 */
export class TextDictionary {
  readonly texts: string[] = [];
  readonly #ids = new Map<string, number>();

  id(text: string | null): number {
    if (text === null) return -1;
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

import type { Thread } from './thread.ts';

/** Open threads ordered by when their next message is due; ties by start order, so runs repeat exactly. */
export class ThreadHeap {
  private readonly items: Thread[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): Thread | undefined {
    return this.items[0];
  }

  push(thread: Thread): void {
    const items = this.items;
    let i = items.push(thread) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(thread, items[parent]!)) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = thread;
  }

  pop(): Thread | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child = right < items.length && before(items[right]!, items[left]!) ? right : left;
      if (!before(items[child]!, last)) break;
      items[i] = items[child]!;
      i = child;
    }
    items[i] = last;
    return top;
  }
}

function before(a: Thread, b: Thread): boolean {
  return a.nextTime < b.nextTime || (a.nextTime === b.nextTime && a.order < b.order);
}

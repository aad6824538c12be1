/**
 * The batch endpoint's wire format (`POST /batch/gmail/v1`, multipart/mixed): each request is an
 * `application/http` part with a Content-ID; each answer is a full HTTP response in a part whose
 * Content-ID is `response-<id>`. Answers are matched by Content-ID, falling back to order.
 */
export const MAX_BATCH_PARTS = 50;

export interface BatchAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export function encodeBatch(boundary: string, paths: readonly string[]): string {
  const parts = paths.map(
    (path, index) =>
      `--${boundary}\r\nContent-Type: application/http\r\nContent-ID: <item${index}>\r\n\r\nGET ${path} HTTP/1.1\r\n\r\n`,
  );
  return `${parts.join('')}--${boundary}--\r\n`;
}

/** The answers in request order; a part missing from the reply is undefined (retried as failed). */
export function decodeBatch(
  contentType: string,
  text: string,
  count: number,
): Array<BatchAnswer | undefined> {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const answers: Array<BatchAnswer | undefined> = new Array(count).fill(undefined);
  if (boundary === null) return answers;
  const chunks = text.split(`--${boundary[1] ?? boundary[2]}`).slice(1);
  let position = 0;
  for (const chunk of chunks) {
    if (chunk.startsWith('--')) break;
    const answer = decodePart(chunk);
    if (answer === undefined) continue;
    const index = answer.index ?? position;
    if (index >= 0 && index < count) answers[index] = answer.answer;
    position += 1;
  }
  return answers;
}

function decodePart(chunk: string): { index: number | undefined; answer: BatchAnswer } | undefined {
  const normal = chunk.replace(/\r\n/g, '\n');
  const headEnd = normal.indexOf('\n\n');
  if (headEnd < 0) return undefined;
  const partHead = normal.slice(0, headEnd);
  const http = normal.slice(headEnd + 2).replace(/^\n+/, '');
  const contentId = /^content-id:\s*<?response-item(\d+)>?\s*$/im.exec(partHead);
  const statusLine = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(http);
  if (statusLine === null) return undefined;
  const httpHeadEnd = http.indexOf('\n\n');
  const headerText = httpHeadEnd < 0 ? http : http.slice(0, httpHeadEnd);
  const bodyText = httpHeadEnd < 0 ? '' : http.slice(httpHeadEnd + 2).trim();
  const headers: Record<string, string> = {};
  for (const line of headerText.split('\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body: unknown = null;
  try {
    body = bodyText === '' ? null : JSON.parse(bodyText);
  } catch {
    body = null;
  }
  return {
    index: contentId === null ? undefined : Number(contentId[1]),
    answer: { status: Number(statusLine[1]), headers, body },
  };
}

/** Raw HTTP for the batch endpoint, which the Node client does not offer. */
export interface BatchReply {
  status: number;
  contentType: string;
  parts: Array<{ contentId: string | undefined; status: number; body: unknown }>;
  text: string;
}

export function batchBody(boundary: string, paths: string[], lineEnd = '\r\n', withVersion = true): string {
  const parts = paths.map(
    (path, i) =>
      `--${boundary}${lineEnd}Content-Type: application/http${lineEnd}Content-ID: <item${i + 1}>${lineEnd}${lineEnd}` +
      `GET ${path}${withVersion ? ' HTTP/1.1' : ''}${lineEnd}${lineEnd}`,
  );
  return `${parts.join('')}--${boundary}--${lineEnd}`;
}

export async function sendBatch(
  baseUrl: string,
  accessToken: string,
  body: string,
  contentType = 'multipart/mixed; boundary=batch_boundary',
): Promise<BatchReply> {
  const response = await fetch(`${baseUrl}/batch/gmail/v1`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': contentType },
    body,
  });
  const text = await response.text();
  const replyType = response.headers.get('content-type') ?? '';
  const boundary = /boundary=(\S+)/.exec(replyType)?.[1];
  const parts =
    boundary === undefined
      ? []
      : text
          .split(`--${boundary}`)
          .slice(1, -1)
          .map((chunk) => {
            const [head = '', http = ''] = chunk.split('\r\n\r\n');
            const status = Number(/^HTTP\/1\.1 (\d+)/.exec(http)?.[1]);
            const json = chunk.slice(chunk.indexOf('\r\n\r\n', chunk.indexOf('HTTP/1.1')) + 4).trim();
            return {
              contentId: /Content-ID: (\S+)/.exec(head)?.[1],
              status,
              body: JSON.parse(json) as unknown,
            };
          });
  return { status: response.status, contentType: replyType, parts, text };
}

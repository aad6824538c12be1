/** The Brief as a file in one of the digest formats (`brief digest`, the dashboard's "Save as HTML"). */
import { digestFileName } from '../../../../shared/brief-text.ts';
import type { Brief, Digest, DigestFormat } from '../../../../shared/brief-types.ts';
import { digestHtml } from './digest-html.ts';
import { digestText } from './digest-text.ts';

const FILES: Record<DigestFormat, { extension: string; mediaType: string; render(brief: Brief): string }> = {
  text: { extension: 'txt', mediaType: 'text/plain; charset=utf-8', render: digestText },
  html: { extension: 'html', mediaType: 'text/html; charset=utf-8', render: digestHtml },
  json: {
    extension: 'json',
    mediaType: 'application/json',
    render: (brief) => `${JSON.stringify(brief, null, 2)}\n`,
  },
};

export function digestOf(brief: Brief, format: DigestFormat): Digest {
  const file = FILES[format];
  return {
    format,
    fileName: digestFileName(brief, file.extension),
    mediaType: file.mediaType,
    content: file.render(brief),
  };
}

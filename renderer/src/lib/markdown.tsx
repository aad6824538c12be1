/**
 * Markdown as React elements, for the project's own pages bundled with the app (docs/metrics.md).
 * marked only tokenizes; every token becomes an element here, so no HTML string reaches the page.
 * The one piece of HTML the pages use, an anchor `<a id="key"></a>` before a section, becomes an
 * empty element with id `${idPrefix}${key}`; any other HTML is dropped. Links to other pages of
 * the repository cannot open in the app and read as their text.
 */

import { marked, type Token, type Tokens } from 'marked';
import { Fragment, type ReactNode } from 'react';

const ANCHOR = /^<a id="([A-Za-z][\w-]*)">$/;

/** Pages are bundled constants: each is tokenized once, however often its drawer opens. */
const tokenized = new Map<string, Token[]>();

export function Markdown({ source, idPrefix }: { source: string; idPrefix: string }) {
  let tokens = tokenized.get(source);
  if (!tokens) {
    tokens = marked.lexer(source);
    tokenized.set(source, tokens);
  }
  return <>{blocks(tokens, idPrefix)}</>;
}

/** The text of the page's first level-1 heading, for a title outside the page. */
export function titleOf(source: string): string | null {
  return /^# (.+)$/m.exec(source)?.[1]?.trim() ?? null;
}

function blocks(tokens: readonly Token[], prefix: string): ReactNode[] {
  return tokens.map((token, index) => block(token, index, prefix));
}

function block(token: Token, key: number, prefix: string): ReactNode {
  switch (token.type) {
    case 'heading': {
      const { depth, tokens } = token as Tokens.Heading;
      // The page's own title is shown by its container; sections start one level below it.
      if (depth === 1) return null;
      const Heading = `h${Math.min(6, depth + 1)}` as 'h3';
      return <Heading key={key}>{inlines(tokens, prefix)}</Heading>;
    }
    case 'paragraph': {
      const { tokens } = token as Tokens.Paragraph;
      // A line holding only `<a id="key"></a>` marks the section that follows: no paragraph of its own.
      if (tokens.every((part) => part.type === 'html'))
        return <Fragment key={key}>{inlines(tokens, prefix)}</Fragment>;
      return <p key={key}>{inlines(tokens, prefix)}</p>;
    }
    case 'list': {
      const list = token as Tokens.List;
      const items = list.items.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the page is static text; items never move.
        <li key={index}>{blocks(item.tokens, prefix)}</li>
      ));
      return list.ordered ? (
        <ol key={key} start={typeof list.start === 'number' ? list.start : undefined}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
    case 'text': {
      const text = token as Tokens.Text;
      return <span key={key}>{text.tokens ? inlines(text.tokens, prefix) : text.text}</span>;
    }
    case 'code':
      return (
        <pre key={key}>
          <code>{(token as Tokens.Code).text}</code>
        </pre>
      );
    case 'blockquote':
      return <blockquote key={key}>{blocks((token as Tokens.Blockquote).tokens, prefix)}</blockquote>;
    case 'hr':
      return <hr key={key} />;
    case 'html':
      return anchor(token as Tokens.HTML, key, prefix);
    default:
      return null;
  }
}

function inlines(tokens: readonly Token[] | undefined, prefix: string): ReactNode[] {
  return (tokens ?? []).map((token, index) => inline(token, index, prefix));
}

function inline(token: Token, key: number, prefix: string): ReactNode {
  switch (token.type) {
    case 'text':
    case 'escape': {
      const text = token as Tokens.Text;
      return text.tokens ? <span key={key}>{inlines(text.tokens, prefix)}</span> : text.text;
    }
    case 'strong':
      return <strong key={key}>{inlines((token as Tokens.Strong).tokens, prefix)}</strong>;
    case 'em':
      return <em key={key}>{inlines((token as Tokens.Em).tokens, prefix)}</em>;
    case 'del':
      return <del key={key}>{inlines((token as Tokens.Del).tokens, prefix)}</del>;
    case 'codespan':
      return <code key={key}>{(token as Tokens.Codespan).text}</code>;
    case 'br':
      return <br key={key} />;
    case 'link':
      return link(token as Tokens.Link, key, prefix);
    case 'html':
      return anchor(token as Tokens.HTML, key, prefix);
    default:
      return null;
  }
}

function link(token: Tokens.Link, key: number, prefix: string): ReactNode {
  const text = inlines(token.tokens, prefix);
  if (!/^(https:|mailto:)/i.test(token.href)) {
    return (
      <span key={key} title={`${token.href} in the repository`}>
        {text}
      </span>
    );
  }
  return (
    <a key={key} href={token.href} target="_blank" rel="noopener noreferrer">
      {text}
    </a>
  );
}

function anchor(token: Tokens.HTML, key: number, prefix: string): ReactNode {
  const id = ANCHOR.exec(token.text.trim())?.[1];
  return id ? <span key={key} id={`${prefix}${id}`} className="doc-anchor" /> : null;
}

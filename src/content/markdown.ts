// Safe Markdown for articles: rendering to HTML with placeholders filled, and plain text for measuring.
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { fillPlaceholders, unknownPlaceholders, PlaceholderError, type Placeholders } from './placeholders.js';

const PLACEHOLDER_SPLIT = /(\{\{\s*[A-Za-z][A-Za-z0-9_]*\s*\}\})/;
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/**
 * True for links a page may carry: relative links, fragments, and http(s), mailto and tel URLs.
 * Control characters and spaces are ignored when reading the scheme, as browsers do
 * (so "java\tscript:" is caught). A bare `{{placeholder}}` is accepted here and checked once filled.
 */
export function isSafeUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (/^\{\{[A-Za-z][A-Za-z0-9_]*\}\}/.test(compact)) return true;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(compact);
  if (scheme === null) return true;
  return SAFE_SCHEMES.has((scheme[1] ?? '').toLowerCase());
}

function createParser() {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: true });
  const normalize = md.normalizeLink.bind(md);
  // Keep placeholders intact in link targets so they can be filled after parsing.
  md.normalizeLink = (url: string) =>
    url.split(PLACEHOLDER_SPLIT).map((part, i) => (i % 2 === 1 ? part.replace(/\s+/g, '') : part === '' ? '' : normalize(part))).join('');
  md.validateLink = isSafeUrl;
  return md;
}

const md = createParser();
const normalizeUrl = new MarkdownIt().normalizeLink.bind(new MarkdownIt());

/** Thrown when a filled-in placeholder would make an unsafe link (a clinic config problem). */
export class UnsafeLinkError extends Error {
  constructor(readonly url: string) {
    super(`Unsafe link after filling placeholders: ${url}`);
    this.name = 'UnsafeLinkError';
  }
}

function attr(token: Token, name: string): string | null {
  const value = token.attrGet(name);
  return value === null ? null : String(value);
}

function fillToken(token: Token, values: Placeholders): void {
  if (token.type === 'text' || token.type === 'code_inline' || token.type === 'code_block' || token.type === 'fence') {
    token.content = fillPlaceholders(token.content, values);
  }
  for (const name of ['href', 'src'] as const) {
    const raw = attr(token, name);
    if (raw === null) continue;
    const filled = fillPlaceholders(raw, values);
    if (filled !== raw) {
      if (!isSafeUrl(filled)) throw new UnsafeLinkError(filled);
      token.attrSet(name, normalizeUrl(filled));
    }
  }
  const title = attr(token, 'title');
  if (title !== null) token.attrSet('title', fillPlaceholders(title, values));
  for (const child of token.children ?? []) fillToken(child, values);
}

/**
 * Renders article Markdown to HTML that is safe to insert into a page: raw HTML is escaped
 * (html: false), only safe links become links, and `{{name}}` placeholders are filled from
 * `values` after parsing, so a value is always escaped as text and can never add markup.
 * Throws PlaceholderError for a placeholder without a value.
 */
export function renderMarkdown(markdown: string, values: Placeholders): string {
  const unknown = unknownPlaceholders(markdown, Object.keys(values));
  if (unknown.length > 0) throw new PlaceholderError(unknown);
  const env = {};
  const tokens = md.parse(markdown, env);
  for (const token of tokens) fillToken(token, values);
  return md.renderer.render(tokens, md.options, env);
}

/** One block of text (a paragraph, heading, list item or table cell), as plain text. */
export interface TextBlock {
  kind: 'heading' | 'text';
  text: string;
  /** 1-based line in the Markdown source where the block starts. */
  line: number;
}

function inlineText(tokens: readonly Token[]): string {
  return tokens.map((t) => {
    switch (t.type) {
      case 'text': case 'code_inline': return t.content;
      case 'softbreak': case 'hardbreak': return ' ';
      case 'image': return inlineText(t.children ?? []);
      default: return '';
    }
  }).join('');
}

/** The text blocks of a Markdown document, in order; code blocks are left out. */
export function textBlocks(markdown: string): TextBlock[] {
  const tokens = md.parse(markdown, {});
  const blocks: TextBlock[] = [];
  let inHeading = false;
  let line = 1;
  for (const t of tokens) {
    if (t.map !== null) line = t.map[0] + 1;
    if (t.type === 'heading_open') inHeading = true;
    if (t.type === 'heading_close') inHeading = false;
    if (t.type === 'inline') {
      const text = inlineText(t.children ?? []).replace(/\s+/g, ' ').trim();
      if (text !== '') blocks.push({ kind: inHeading ? 'heading' : 'text', text, line });
    }
  }
  return blocks;
}

/** A link in Markdown: the target as written (placeholders kept), and the block line. */
export interface MarkdownLink {
  href: string;
  line: number;
}

/** Every link and image target in the document. */
export function markdownLinks(markdown: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  let line = 1;
  const visit = (t: Token): void => {
    const href = attr(t, 'href') ?? attr(t, 'src');
    if (href !== null && t.markup !== 'linkify') links.push({ href, line });
    for (const c of t.children ?? []) visit(c);
  };
  for (const t of md.parse(markdown, {})) {
    if (t.map !== null) line = t.map[0] + 1;
    visit(t);
  }
  return links;
}

/** Link syntax that Markdown did not turn into a link (usually an unsafe or malformed target). */
export function rejectedLinks(markdown: string): MarkdownLink[] {
  return textBlocks(markdown).flatMap((b) =>
    [...b.text.matchAll(/\]\(([^)\s]*)\)/g)].map((m) => ({ href: m[1] ?? '', line: b.line })));
}

/** Counts words (runs containing a letter or digit) in plain text. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * Plain text for readability measures: one block per line, each ending as a sentence, because
 * headings and list items are read as sentences but are often written without a full stop.
 */
export function toSentences(blocks: readonly string[]): string {
  return blocks.map((b) => {
    const text = b.trim();
    const bare = text.replace(/["'’”)\]]+$/, '');
    if (/[.?!]$/.test(bare)) return text;
    return `${text.replace(/[:;,]$/, '')}.`;
  }).join('\n');
}

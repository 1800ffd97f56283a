// Plain advice text with the clinic's phone numbers and links turned into tel: and web links.
import type { Child } from 'hono/jsx';
import { telHref, type AppConfig } from '../config.js';
import { phoneText } from './tel.js';

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Target {
  text: string;
  href: string;
  /** Match only as a whole word (short numbers such as 999 must not match inside longer ones). */
  word: boolean;
}

function targets(config: AppConfig): Target[] {
  const list: Target[] = [
    { text: config.clinic.bookingUrl, href: config.clinic.bookingUrl, word: false },
    { text: config.urgentLine.url, href: config.urgentLine.url, word: false },
    { text: config.clinic.phone, href: telHref(config.clinic.phone), word: true },
    { text: config.urgentLine.name, href: telHref(config.urgentLine.number), word: true },
    { text: config.urgentLine.number, href: telHref(config.urgentLine.number), word: true },
    { text: config.emergencyNumber, href: telHref(config.emergencyNumber), word: true },
  ];
  return list.sort((a, b) => b.text.length - a.text.length);
}

const patterns = new WeakMap<AppConfig, { re: RegExp; byText: Map<string, string> }>();

function patternFor(config: AppConfig): { re: RegExp; byText: Map<string, string> } {
  let p = patterns.get(config);
  if (p === undefined) {
    const list = targets(config);
    const alternatives = list.map((t) => (t.word ? `(?<![\\w/.])${escapeRe(t.text)}(?![\\w/])` : escapeRe(t.text)));
    p = { re: new RegExp(alternatives.join('|'), 'g'), byText: new Map(list.map((t) => [t.text, t.href])) };
    patterns.set(config, p);
  }
  return p;
}

/** Splits text into strings and links; every piece is still escaped by the template. */
export function linkPieces(text: string, config: AppConfig): Child[] {
  const { re, byText } = patternFor(config);
  const out: Child[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    const index = m.index;
    if (index > last) out.push(text.slice(last, index));
    const href = byText.get(m[0]) ?? '#';
    out.push(<a href={href}>{href.startsWith('tel:') ? phoneText(m[0]) : m[0]}</a>);
    last = index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function LinkedText({ text, config }: { text: string; config: AppConfig }) {
  return <>{linkPieces(text, config)}</>;
}

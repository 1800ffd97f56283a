// Text checks for the content lint: plain explanations of medical words, typed phone numbers, sentences.
import { GLOSSARY, type GlossaryTerm } from './glossary.js';
import type { TextBlock } from './markdown.js';

/** Splits a block of text into sentences. */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.?!])["'”’)]*\s+(?=["'“‘(]?[A-Z0-9{])/).filter((s) => s.trim() !== '');
}

// An explanation after the word, in the same sentence: a bracket, a dash, "means", or a definition;
// "… temporomandibular joint (the hinge …), or TMJ for short" explains an abbreviation by its full name.
const AFTER = /^[^.?!]*?(?:\(|\s[—–-]\s|—|–|\bmeans?\b|\bmeaning\b|\bis when\b|\bis what\b|\bis the (?:medical )?name\b|\bis a\b|\bis an\b|,\s+(?:a|an|the|which|where|when)\b|^\s+for short\b)/i;
// Or the plain words first and the medical word as their name: "… called sciatica", "known as".
const BEFORE = /(?:\bcalled|\bknown as|\bname for|\bterm for|\bdoctors call(?: this| it)?|\bcall (?:this|it))\s*["'“‘*]*$/i;

function termRegExp(term: GlossaryTerm): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${term.pattern})(?![\\p{L}\\p{N}])`, 'iu');
}

/** Where a glossary word is first used (outside headings) without a plain explanation beside it. */
export interface UnexplainedTerm {
  term: string;
  line: number;
  sentence: string;
}

/**
 * For each glossary word, finds its first use in the body text (headings are skipped: they cannot
 * carry an explanation) and checks that the same sentence explains it: a bracket, a dash, "means",
 * "is a …", or "called <word>" before it.
 */
export function unexplainedTerms(blocks: readonly TextBlock[], glossary: readonly GlossaryTerm[] = GLOSSARY): UnexplainedTerm[] {
  const found: UnexplainedTerm[] = [];
  for (const term of glossary) {
    const re = termRegExp(term);
    for (const block of blocks.filter((b) => b.kind === 'text')) {
      const sentence = sentences(block.text).find((s) => re.test(s));
      if (sentence === undefined) continue;
      const m = re.exec(sentence);
      const at = m?.index ?? 0;
      const before = sentence.slice(0, at);
      const after = sentence.slice(at + (m?.[0].length ?? 0)).replace(/^\*+/, '');
      if (!AFTER.test(after) && !BEFORE.test(before)) found.push({ term: term.term, line: block.line, sentence });
      break;
    }
  }
  return found;
}

/** Phone numbers and service numbers typed into text instead of a placeholder. */
export function typedNumbers(text: string): string[] {
  const hits = [
    ...text.matchAll(/(?<![\d{])(?:999|111|112|911)(?![\d}])/g),
    ...text.matchAll(/(?<!\d)(?:\+44\s?|0)\d{2,4}[\s-]?\d{3}[\s-]?\d{3,4}(?!\d)/g),
  ];
  return [...new Set(hits.map((m) => m[0]))];
}

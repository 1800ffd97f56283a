// Readability measures (text-readability's Flesch reading ease and Flesch–Kincaid grade) and summaries.
import readability from 'text-readability';
import { toSentences } from './markdown.js';

export interface ReadabilityScore {
  /** What was measured: an article slug or a pooled set of UI strings. */
  name: string;
  words: number;
  sentences: number;
  /** Flesch reading ease: higher is easier; 60–70 is plain English, 70–80 fairly easy. */
  fre: number;
  /** Flesch–Kincaid grade (US school grade; add 5 for a reading age). */
  grade: number;
}

/** Measures text given as blocks (paragraphs, headings, list items), each read as a sentence. */
export function measure(name: string, blocks: readonly string[]): ReadabilityScore {
  const text = toSentences(blocks);
  return {
    name,
    words: readability.lexiconCount(text),
    sentences: readability.sentenceCount(text),
    fre: readability.fleschReadingEase(text),
    grade: readability.fleschKincaidGrade(text),
  };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Median and worst of a set of scores, for the lint report. */
export interface Distribution {
  count: number;
  medianFre: number;
  medianGrade: number;
  worstFre?: ReadabilityScore;
  worstGrade?: ReadabilityScore;
}

export function distribution(scores: readonly ReadabilityScore[]): Distribution {
  const byFre = [...scores].sort((a, b) => a.fre - b.fre);
  const byGrade = [...scores].sort((a, b) => b.grade - a.grade);
  const d: Distribution = { count: scores.length, medianFre: median(scores.map((s) => s.fre)), medianGrade: median(scores.map((s) => s.grade)) };
  if (byFre[0] !== undefined) d.worstFre = byFre[0];
  if (byGrade[0] !== undefined) d.worstGrade = byGrade[0];
  return d;
}

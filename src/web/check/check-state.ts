// Where a person is in the check, sealed into the page's address: the answers so far and the page to show.
import type { AnswerValue, QuestionView } from '../../engine/types.js';
import { open, seal, type Keyring } from '../state/seal.js';
import type { Prefill } from './question-input.js';

type Answers = Readonly<Record<string, AnswerValue>>;

/** Everything a check page is made from. The server keeps none of it: it travels sealed in the URL (see README). */
export interface CheckState {
  /** The answers carried: on a question page, the answers to every other question. */
  answers: Answers;
  /** The question to show and, for a multi question, the options shown (the engine asks only those still needed). */
  question?: { id: string; shown?: readonly string[] };
  /** What was answered on this question before (after Back or Change), shown selected. */
  previous?: Answers;
  /** Changing an answer from "Check your answers": Back returns there. */
  changing?: true;
  /** What was typed when it could not be used, shown again with its error. */
  typed?: Prefill;
  /** Re-opened from a saved result link: the check version it was saved with, and whether answers were dropped. */
  saved?: { version: string; dropped: boolean };
}

export type StateProblem = 'expired' | 'broken' | 'updated';
export type OpenedState = { ok: true; state: CheckState } | { ok: false; problem: StateProblem };

/**
 * How long a check page's address works: a check and an evening's reading with the tab left open, but a device
 * shared at home does not show yesterday's answers through its history. A saved result link is the way to keep one.
 */
export const CHECK_PAGE_TTL_MS = 12 * 3600_000;
export const CHECK_PAGE_HOURS = CHECK_PAGE_TTL_MS / 3600_000;

const PURPOSE = 'check';
/** Typed text is kept only to show it again; no answer needs more. */
const TYPED_CHARS = 60;

/** The wire form: short keys, content version first. */
interface Wire {
  v: string;
  a: Answers;
  q?: string;
  o?: readonly string[];
  p?: Answers;
  c?: 1;
  t?: { a: readonly string[]; u?: string; s?: 1 };
  s?: [string, 0 | 1];
}

const isAnswerValue = (v: unknown): v is AnswerValue => typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string';
const isAnswers = (v: unknown): v is Answers =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(isAnswerValue) && !Object.hasOwn(v, '__proto__');
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

function toWire(contentVersion: string, s: CheckState): Wire {
  return {
    v: contentVersion, a: s.answers,
    ...(s.question === undefined ? {} : { q: s.question.id, ...(s.question.shown === undefined ? {} : { o: s.question.shown }) }),
    ...(s.previous === undefined ? {} : { p: s.previous }),
    ...(s.changing === true ? { c: 1 as const } : {}),
    ...(s.typed === undefined ? {} : {
      t: {
        a: s.typed.answer.map((x) => x.slice(0, TYPED_CHARS)).slice(0, 40),
        ...(s.typed.unit === undefined ? {} : { u: s.typed.unit.slice(0, TYPED_CHARS) }), ...(s.typed.unsure ? { s: 1 as const } : {}),
      },
    }),
    ...(s.saved === undefined ? {} : { s: [s.saved.version, s.saved.dropped ? 1 : 0] }),
  };
}

function fromWire(w: Partial<Record<keyof Wire, unknown>>): CheckState | undefined {
  if (!isAnswers(w.a)) return undefined;
  if (w.q !== undefined && typeof w.q !== 'string') return undefined;
  if (w.o !== undefined && !isStrings(w.o)) return undefined;
  if (w.p !== undefined && !isAnswers(w.p)) return undefined;
  const t = w.t as { a?: unknown; u?: unknown; s?: unknown } | undefined;
  if (t !== undefined && (!isStrings(t.a) || (t.u !== undefined && typeof t.u !== 'string'))) return undefined;
  const saved = w.s;
  if (saved !== undefined && !(Array.isArray(saved) && typeof saved[0] === 'string' && (saved[1] === 0 || saved[1] === 1))) return undefined;
  return {
    answers: w.a,
    ...(w.q === undefined ? {} : { question: { id: w.q, ...(w.o === undefined ? {} : { shown: w.o }) } }),
    ...(w.p === undefined ? {} : { previous: w.p }),
    ...(w.c === 1 ? { changing: true as const } : {}),
    ...(t === undefined ? {} : { typed: { answer: t.a as string[], unsure: t.s === 1, ...(typeof t.u === 'string' ? { unit: t.u } : {}) } }),
    ...(saved === undefined ? {} : { saved: { version: (saved as [string, number])[0], dropped: (saved as [string, number])[1] === 1 } }),
  };
}

/** Seals and opens check states for one content version with one keyring. */
export class CheckStates {
  constructor(private readonly keys: Keyring, private readonly contentVersion: string) {}

  /**
   * The state as a URL-safe token (base64url): JSON, encrypted and authenticated. Not compressed: compressing
   * tripled the cost of a page for a third off an address of under 2,000 characters.
   */
  seal(state: CheckState, now: Date): string {
    return seal(this.keys, PURPOSE, Buffer.from(JSON.stringify(toWire(this.contentVersion, state))), now);
  }

  /**
   * The state in a token, or why there is none: `expired` (too old, or its key was retired), `broken` (altered,
   * cut short, or not a token), `updated` (made by another version of the check, whose answers may not fit).
   */
  open(token: unknown, now: Date): OpenedState {
    const opened = open(this.keys, PURPOSE, token, now, CHECK_PAGE_TTL_MS);
    if (!opened.ok) return { ok: false, problem: opened.reason === 'expired' ? 'expired' : 'broken' };
    let wire: unknown;
    try {
      wire = JSON.parse(opened.payload.toString('utf8'));
    } catch {
      return { ok: false, problem: 'broken' };
    }
    if (typeof wire !== 'object' || wire === null || Array.isArray(wire)) return { ok: false, problem: 'broken' };
    const w = wire as Partial<Record<keyof Wire, unknown>>;
    if (typeof w.v !== 'string') return { ok: false, problem: 'broken' };
    if (w.v !== this.contentVersion) return { ok: false, problem: 'updated' };
    const state = fromWire(w);
    return state === undefined ? { ok: false, problem: 'broken' } : { ok: true, state };
  }
}

/** A question as the state records it: its id and, for a multi question, the options shown. */
export function shownQuestion(q: QuestionView): NonNullable<CheckState['question']> {
  return { id: q.id, ...(q.kind === 'multi' ? { shown: q.findings } : {}) };
}

/** True when no answer is carried (the first question). */
export function noAnswers(answers: Answers): boolean {
  for (const _ in answers) return false;
  return true;
}

/** The address of a check page for a sealed state (the token is base64url, so it needs no escaping). */
export function checkUrl(page: 'q' | 'answers' | 'result' | 'back', token: string): string {
  return `/check/${page}?s=${token}`;
}

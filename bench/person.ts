// A virtual person for the load benchmark: does a whole check through the HTML it is served (each page's form, its
// method, action and hidden fields; redirects followed), answering at random within what the page offers, and may send
// the result to the clinic. It knows nothing of how the check carries its state between pages.
import { Parser } from 'htmlparser2';
import type { ClinicalContent } from '../src/engine/types.js';

/** One form on a page, as a browser would see it. */
export interface PageForm {
  method: 'GET' | 'POST';
  action: string;
  hidden: [string, string][];
  radios: Map<string, string[]>;
  checkboxes: { name: string; value: string }[];
  /** Text inputs and text areas: name, input mode, autocomplete and type. */
  texts: { name: string; inputmode: string; autocomplete: string; type: string }[];
  selects: Map<string, string[]>;
  /** The submit button's name and value, when it has one. */
  submit: [string, string] | undefined;
  /** What the submit button says. */
  button: string;
}

export interface Page {
  status: number;
  url: string;
  heading: string;
  forms: PageForm[];
  links: { href: string; text: string }[];
}

/** Reads a page's forms and its first heading (h1, or the legend that holds the question). */
export function parsePage(html: string, url: string, status: number): Page {
  const forms: PageForm[] = [];
  let form: PageForm | undefined;
  let select: string | undefined;
  let heading = '';
  let inHeading = 0;
  let inButton = false;
  const links: { href: string; text: string }[] = [];
  let link: { href: string; text: string } | undefined;
  const parser = new Parser({
    onopentag(name, a) {
      if (name === 'form') {
        form = {
          method: (a.method ?? 'get').toUpperCase() === 'POST' ? 'POST' : 'GET', action: new URL(a.action ?? url, url).href,
          hidden: [], radios: new Map(), checkboxes: [], texts: [], selects: new Map(), submit: undefined, button: '',
        };
        forms.push(form);
      } else if ((name === 'h1' || (name === 'legend' && heading === '')) && heading === '') {
        inHeading++;
      } else if (form !== undefined && name === 'input' && a.name !== undefined && a.disabled === undefined) {
        const type = (a.type ?? 'text').toLowerCase();
        if (type === 'hidden') form.hidden.push([a.name, a.value ?? '']);
        else if (type === 'radio') form.radios.set(a.name, [...(form.radios.get(a.name) ?? []), a.value ?? 'on']);
        else if (type === 'checkbox') form.checkboxes.push({ name: a.name, value: a.value ?? 'on' });
        else if (type === 'submit') {
          form.submit ??= [a.name, a.value ?? ''];
          form.button ||= a.value ?? '';
        }
        else form.texts.push({ name: a.name, inputmode: a.inputmode ?? '', autocomplete: a.autocomplete ?? '', type });
      } else if (form !== undefined && name === 'textarea' && a.name !== undefined) {
        form.texts.push({ name: a.name, inputmode: '', autocomplete: '', type: 'textarea' });
      } else if (form !== undefined && name === 'select' && a.name !== undefined) {
        select = a.name;
        form.selects.set(select, []);
      } else if (form !== undefined && name === 'option' && select !== undefined) {
        form.selects.get(select)?.push(a.value ?? '');
      } else if (form !== undefined && name === 'button' && (a.type ?? 'submit') === 'submit') {
        if (a.name !== undefined) form.submit ??= [a.name, a.value ?? ''];
        inButton = form.button === '';
      } else if (name === 'a' && a.href !== undefined) {
        link = { href: new URL(a.href, url).href, text: '' };
        links.push(link);
      }
    },
    ontext(text) {
      if (inHeading > 0) heading += text;
      if (inButton && form !== undefined) form.button += text;
      if (link !== undefined) link.text += text;
    },
    onclosetag(name) {
      if (name === 'form') form = undefined;
      else if (name === 'select') select = undefined;
      else if ((name === 'h1' || name === 'legend') && inHeading > 0) inHeading--;
      else if (name === 'button') inButton = false;
      else if (name === 'a') link = undefined;
    },
  }, { decodeEntities: true });
  parser.end(html);
  for (const f of forms) f.button = f.button.replace(/\s+/g, ' ').trim();
  for (const l of links) l.text = l.text.replace(/\s+/g, ' ').trim();
  return { status, url, heading: heading.replace(/\s+/g, ' ').trim(), forms, links };
}

export type Random = () => number;

/** A small seeded generator (mulberry32), so a run can be repeated. */
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(xs: readonly T[], random: Random): T | undefined => xs[Math.floor(random() * xs.length)];

/** Number ranges per question text, from the clinical content (the person reads the question, as a human would). */
export function numberRanges(content: ClinicalContent): Map<string, { min: number; max: number }> {
  const ranges = new Map<string, { min: number; max: number }>();
  for (const q of content.questions) {
    const finding = q.findings.length === 1 && q.findings[0] !== undefined ? content.findings.get(q.findings[0]) : undefined;
    if (finding === undefined || finding.type !== 'number') continue;
    // Adults only: the check stops for anyone younger, which would end most checks on the first page.
    const min = q.findings[0] === 'age_years' ? Math.max(finding.min, content.minimumAge) : finding.min;
    // Durations up to 80 of whichever unit the page offers, so a number in months stays within the finding's range.
    ranges.set(q.text, { min, max: Math.min(finding.max, min + 80) });
  }
  return ranges;
}

/**
 * Answers a question form the way people mostly do: "no" to most warning signs (a check that ends at the first "yes"
 * is short), "None of these" more often than not, and a number within the question's range.
 */
export function answerQuestion(page: Page, form: PageForm, ranges: Map<string, { min: number; max: number }>, random: Random): [string, string][] {
  const fields: [string, string][] = [...form.hidden];
  for (const [name, values] of form.radios) {
    const no = values.find((v) => /^(no|false)$/i.test(v));
    const value = no !== undefined && random() < 0.92 ? no : pick(values, random);
    if (value !== undefined) fields.push([name, value]);
  }
  if (form.checkboxes.length > 0) {
    const unsure = form.checkboxes.filter((c) => /unsure|not.sure|unknown/i.test(`${c.name} ${c.value}`));
    const none = form.checkboxes.find((c) => /none/i.test(c.value));
    const signs = form.checkboxes.filter((c) => c !== none && !unsure.includes(c));
    const r = random();
    const chosen = r < 0.04 ? unsure[0] : none !== undefined && r < 0.88 ? none : none !== undefined ? pick(signs, random) : undefined;
    if (chosen !== undefined) fields.push([chosen.name, chosen.value]);
  }
  const range = ranges.get(page.heading) ?? { min: 0, max: 10 };
  for (const t of form.texts) {
    if (t.inputmode === 'numeric' || t.inputmode === 'decimal' || t.type === 'number') {
      fields.push([t.name, String(range.min + Math.floor(random() * (range.max - range.min + 1)))]);
    }
  }
  for (const [name, options] of form.selects) {
    const value = pick(options.filter((o) => o !== ''), random);
    if (value !== undefined) fields.push([name, value]);
  }
  if (form.submit !== undefined) fields.push(form.submit);
  return fields;
}

/** Fills the form that sends a result to the clinic: a made-up name and phone number, consent, any best time. */
export function fillContactForm(form: PageForm, n: number, random: Random): [string, string][] {
  const fields: [string, string][] = [...form.hidden];
  for (const t of form.texts) {
    if (/name/i.test(t.name)) fields.push([t.name, `Load Person ${String(n)}`]);
    else if (/phone|tel/i.test(t.name) || t.type === 'tel') fields.push([t.name, `07700 9${String(n % 100_000).padStart(5, '0')}`]);
  }
  for (const [name, values] of form.radios) {
    const value = pick(values, random);
    if (value !== undefined) fields.push([name, value]);
  }
  for (const c of form.checkboxes) if (/consent|agree/i.test(c.name)) fields.push([c.name, c.value]);
  if (form.submit !== undefined) fields.push(form.submit);
  return fields;
}

/** One request and its timing, as the load benchmark records it. */
export interface Hit {
  ms: number;
  status: number;
}

/** How a person reaches the service: one request, no redirects followed (a load balancer may pick the instance). */
export type Fetcher = (method: 'GET' | 'POST', url: string, body: string | undefined) => Promise<{ status: number; location: string | undefined; body: string }>;

export class PageError extends Error {}

const CONTINUE = /^(continue|next|see (your|the) result|get (your|the) result|show (me )?(my|the) result)/i;
const NOT_FORWARD = /back|change|again|print|send/i;

function isQuestion(form: PageForm): boolean {
  return form.radios.size + form.checkboxes.length + form.selects.size > 0 || form.texts.some((t) => t.inputmode === 'numeric' || t.inputmode === 'decimal' || t.type === 'number');
}

/** A person's browser: follows redirects, times every page, and refuses anything but a 2xx page at the end. */
export class Browser {
  readonly hits: Hit[] = [];
  constructor(private readonly fetcher: Fetcher) {}

  async open(method: 'GET' | 'POST', url: string, fields?: [string, string][]): Promise<Page> {
    let body = fields === undefined ? undefined : new URLSearchParams(fields).toString();
    if (method === 'GET' && body !== undefined) {
      const u = new URL(url);
      u.search = body;
      url = u.href;
      body = undefined;
    }
    for (let hop = 0; hop < 5; hop++) {
      const started = performance.now();
      const res = await this.fetcher(method, url, body);
      this.hits.push({ ms: performance.now() - started, status: res.status });
      if (res.status >= 300 && res.status < 400 && res.location !== undefined) {
        url = new URL(res.location, url).href;
        method = 'GET';
        body = undefined;
        continue;
      }
      if (res.status >= 400) throw new PageError(`${method} ${new URL(url).pathname} gave ${String(res.status)}: ${/<h1[^>]*>([^<]*)/.exec(res.body)?.[1] ?? ''}`);
      return parsePage(res.body, url, res.status);
    }
    throw new PageError(`too many redirects from ${url}`);
  }

  submit(form: PageForm, fields: [string, string][]): Promise<Page> {
    return this.open(form.method, form.action, fields);
  }
}

export interface CheckResult {
  pages: number;
  /** The heading of the last page (the result, or the confirmation after sending). */
  end: string;
  sent: boolean;
}

/** Does one whole check from the first question to the result, then sends it to the clinic when `send` is true. */
export async function wholeCheck(browser: Browser, base: string, o: { ranges: Map<string, { min: number; max: number }>; random: Random; send: boolean; n: number }): Promise<CheckResult> {
  const first = browser.hits.length;
  let page = await browser.open('GET', new URL('/check', base).href);
  for (let step = 0; ; step++) {
    if (step > 100) throw new PageError(`no result after 100 pages (at "${page.heading}")`);
    const question = page.forms.find(isQuestion);
    if (question !== undefined) {
      page = await browser.submit(question, answerQuestion(page, question, o.ranges, o.random));
      continue;
    }
    const next = page.forms.find((f) => CONTINUE.test(f.button) && !NOT_FORWARD.test(f.button));
    if (next !== undefined) {
      page = await browser.submit(next, next.submit === undefined ? next.hidden : [...next.hidden, next.submit]);
      continue;
    }
    const link = page.links.find((l) => CONTINUE.test(l.text));
    if (link !== undefined) {
      page = await browser.open('GET', link.href);
      continue;
    }
    break;
  }
  if (!o.send) return { pages: browser.hits.length - first, end: page.heading, sent: false };
  // Every result offers sending as a link to the contact form (its sealed address); the under-16 page has none.
  const offer = page.links.find((l) => /send this result/i.test(l.text));
  if (offer === undefined) {
    if (page.links.some((l) => /link to this result/i.test(l.text))) throw new PageError(`a result with no way to send it ("${page.heading}")`);
    return { pages: browser.hits.length - first, end: page.heading, sent: false };
  }
  const contact = await browser.open('GET', new URL(offer.href, page.url).href);
  const form = contact.forms.find((f) => f.texts.some((t) => t.type === 'tel' || /phone/i.test(t.name)));
  if (form === undefined) throw new PageError(`no contact form after "${page.heading}" (got "${contact.heading}")`);
  const done = await browser.submit(form, fillContactForm(form, o.n, o.random));
  return { pages: browser.hits.length - first, end: done.heading, sent: true };
}

// Progressive enhancement for Creak's pages. Everything works without it; this only adds comfort.
import { decodeShared } from '../src/web/share-format.js';

const doc = document;
doc.documentElement.classList.add('js');

/** GOV.UK: move focus to the error summary so screen reader users hear it first. */
function focusErrorSummary(): void {
  const summary = doc.getElementById('error-summary');
  if (summary !== null) summary.focus();
}

/** "None of these" cannot be ticked with other options ("I'm not sure" can: the unticked ones are then unsure). */
function exclusiveCheckboxes(): void {
  const boxes = Array.from(doc.querySelectorAll<HTMLInputElement>('input[type=checkbox][name=answer]'));
  const exclusive = (b: HTMLInputElement): boolean => b.value === 'none';
  for (const box of boxes) {
    box.addEventListener('change', () => {
      if (!box.checked) return;
      for (const other of boxes) if (other !== box && (exclusive(box) || exclusive(other))) other.checked = false;
    });
  }
}

function printAndCopy(): void {
  doc.getElementById('print-button')?.addEventListener('click', () => {
    window.print();
  });
  const link = doc.getElementById('share-link');
  if (link instanceof HTMLInputElement) link.addEventListener('focus', () => { link.select(); });
}

/** A saved result's answers are in the fragment, which never reaches the server; post them as hidden fields. */
function openSavedResult(): void {
  const holder = doc.getElementById('saved-result');
  const status = doc.getElementById('saved-status');
  if (holder === null || status === null) return;
  const { version, fields } = decodeShared(location.hash);
  if (fields.length === 0) {
    status.textContent = 'This link does not hold a result. You can take the check again.';
    return;
  }
  const form = doc.createElement('form');
  form.method = 'post';
  form.action = holder.dataset.action ?? '/check/saved';
  const add = (name: string, value: string): void => {
    const input = doc.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.appendChild(input);
  };
  add('saved', version);
  for (const [id, value] of fields) add(`a.${id}`, value);
  doc.body.appendChild(form);
  form.submit();
}

interface TypedAnswer {
  answer: string;
  unit?: string;
  unsure: boolean;
}

/**
 * The browser's Back re-opens a question page at its own address and puts back what was ticked, but not a typed
 * number (those inputs have autocomplete="off", so a shared device does not suggest one person's answers to the
 * next). Keep the typed answer with this history entry, as the browser keeps ticks, and put it back on Back.
 */
function keepTypedAnswer(): void {
  const form = doc.getElementById('question');
  const input = doc.querySelector<HTMLInputElement>('#question input.num');
  if (!(form instanceof HTMLFormElement) || input === null) return;
  const unit = doc.querySelector<HTMLSelectElement>('#question select#unit');
  const unsure = doc.querySelector<HTMLInputElement>('#question input#unsure');
  const state: unknown = history.state;
  const kept = typeof state === 'object' && state !== null ? (state as { creakTyped?: TypedAnswer }).creakTyped : undefined;
  if (kept !== undefined && input.value === '' && doc.getElementById('error-summary') === null) {
    input.value = kept.answer;
    if (unit !== null && kept.unit !== undefined) unit.value = kept.unit;
    if (unsure !== null) unsure.checked = kept.unsure;
  }
  form.addEventListener('submit', () => {
    const typed: TypedAnswer = { answer: input.value, unsure: unsure?.checked ?? false, ...(unit === null ? {} : { unit: unit.value }) };
    history.replaceState({ creakTyped: typed }, '');
  });
}

/** Inside an iframe (the embed snippet), tell the host page how tall this page is. */
function reportHeight(): void {
  if (window.parent === window) return;
  const send = (type: string): void => {
    window.parent.postMessage({ creak: type, height: Math.ceil(doc.documentElement.getBoundingClientRect().height) }, '*');
  };
  send('loaded');
  if (typeof ResizeObserver === 'function') new ResizeObserver(() => { send('height'); }).observe(doc.documentElement);
}

focusErrorSummary();
exclusiveCheckboxes();
printAndCopy();
openSavedResult();
keepTypedAnswer();
reportHeight();

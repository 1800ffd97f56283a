// Form pieces in the GOV.UK pattern: an error summary linking to each field, and fields that show their own error.
import type { Child } from 'hono/jsx';

export interface FieldError {
  /** The id of the input the summary links to. */
  field: string;
  message: string;
}

export function ErrorSummary({ errors }: { errors: readonly FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="errs" role="alert" aria-labelledby="error-summary-title" tabindex={-1} id="error-summary">
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {errors.map((e) => <li><a href={`#${e.field}`}>{e.message}</a></li>)}
      </ul>
    </div>
  );
}

function errorFor(errors: readonly FieldError[], id: string): string | undefined {
  return errors.find((e) => e.field === id)?.message;
}

interface TextFieldProps {
  id: string;
  name?: string;
  label: string;
  hint?: string;
  value: string;
  errors: readonly FieldError[];
  type?: 'text' | 'email' | 'tel' | 'password' | 'date' | 'search';
  autocomplete?: string;
  maxlength?: number;
  width?: 'short' | 'full';
  required?: boolean;
  inputmode?: 'numeric' | 'text';
}

/** A field's label, hint and error message around its control (GOV.UK form group). */
function FieldFrame(p: { id: string; label: string; hint: string | undefined; error: string | undefined; children: unknown }) {
  return (
    <div class={p.error === undefined ? 'fg' : 'fg fg-err'}>
      <label class="lbl" for={p.id}>{p.label}</label>
      {p.hint === undefined ? null : <p class="hint" id={`${p.id}-hint`}>{p.hint}</p>}
      {p.error === undefined ? null : <p class="err-msg" id={`${p.id}-error`}><span class="visually-hidden">Error:</span> {p.error}</p>}
      {p.children}
    </div>
  );
}

/** The aria attributes that tie a control to its hint and error. */
function describedBy(id: string, hint: string | undefined, error: string | undefined): Record<string, string> {
  const described = [hint === undefined ? '' : `${id}-hint`, error === undefined ? '' : `${id}-error`].filter((s) => s !== '').join(' ');
  return { ...(described === '' ? {} : { 'aria-describedby': described }), ...(error === undefined ? {} : { 'aria-invalid': 'true' }) };
}

export function TextField(p: TextFieldProps) {
  const error = errorFor(p.errors, p.id);
  return (
    <FieldFrame id={p.id} label={p.label} hint={p.hint} error={error}>
      <input
        class={p.width === 'short' ? 'txt txt-short' : 'txt'} id={p.id} name={p.name ?? p.id} type={p.type ?? 'text'} value={p.value}
        {...(p.autocomplete === undefined ? {} : { autocomplete: p.autocomplete })}
        {...(p.maxlength === undefined ? {} : { maxlength: p.maxlength })}
        {...(p.inputmode === undefined ? {} : { inputmode: p.inputmode })}
        {...describedBy(p.id, p.hint, error)}
        {...(p.required === true ? { required: true } : {})}
        spellcheck={false}
      />
    </FieldFrame>
  );
}

export function TextArea(p: { id: string; label: string; hint?: string; value: string; errors: readonly FieldError[]; maxlength: number; rows?: number }) {
  const error = errorFor(p.errors, p.id);
  return (
    <FieldFrame id={p.id} label={p.label} hint={p.hint} error={error}>
      <textarea class="txt" id={p.id} name={p.id} rows={p.rows ?? 5} maxlength={p.maxlength} {...describedBy(p.id, p.hint, error)}>{p.value}</textarea>
    </FieldFrame>
  );
}

export interface RadioOption {
  value: string;
  label: string;
  hint?: string;
}

export function Radios(p: { name: string; legend: string; hint?: string; options: readonly RadioOption[]; value: string; errors: readonly FieldError[] }) {
  const error = errorFor(p.errors, p.name);
  return (
    <div class={error === undefined ? 'fg' : 'fg fg-err'}>
      <fieldset {...(error === undefined ? {} : { 'aria-describedby': `${p.name}-error` })}>
        <legend>{p.legend}</legend>
        {p.hint === undefined ? null : <p class="hint">{p.hint}</p>}
        {error === undefined ? null : <p class="err-msg" id={`${p.name}-error`}><span class="visually-hidden">Error:</span> {error}</p>}
        {p.options.map((o, i) => {
          const id = i === 0 ? p.name : `${p.name}-${o.value}`;
          return (
            <div class="opt">
              <input type="radio" id={id} name={p.name} value={o.value} checked={p.value === o.value} />
              <label for={id}>{o.label}{o.hint === undefined ? null : <span class="hint"> {o.hint}</span>}</label>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

export function Checkbox(p: { id: string; label: Child; checked: boolean; errors: readonly FieldError[]; legend?: string }) {
  const error = errorFor(p.errors, p.id);
  return (
    <div class={error === undefined ? 'fg' : 'fg fg-err'}>
      {error === undefined ? null : <p class="err-msg" id={`${p.id}-error`}><span class="visually-hidden">Error:</span> {error}</p>}
      <div class="opt">
        <input type="checkbox" id={p.id} name={p.id} value="yes" checked={p.checked}
          {...(error === undefined ? {} : { 'aria-describedby': `${p.id}-error` })} />
        <label for={p.id}>{p.label}</label>
      </div>
    </div>
  );
}

export function Hidden({ name, value }: { name: string; value: string }) {
  return <input type="hidden" name={name} value={value} />;
}

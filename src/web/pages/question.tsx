// One question per page (GOV.UK question pattern): the question as the heading, hint, answers, Continue and Back.
import { STAGES, type QuestionOption, type QuestionView, type Stage } from '../../engine/types.js';
import type { Prefill } from '../check/question-input.js';
import { Layout } from '../layout.js';
import type { Site } from '../site.js';

export interface QuestionPageProps {
  site: Site;
  question: QuestionView;
  /** The page's sealed state (see check-state.ts), posted with the answer; absent on the first question. */
  state?: string;
  /** Where Back goes: home, the previous question, or "Check your answers" when changing an answer. */
  back: string;
  prefill: Prefill;
  error?: string;
  /** A note above the question: a saved result the updated check needs more answers for. */
  notice?: string;
}

const ERROR_ID = 'answer-error';
const HINT_ID = 'answer-hint';

function describedBy(hint: boolean, error: boolean, extra?: string): string | undefined {
  const ids = [hint ? HINT_ID : '', error ? ERROR_ID : '', extra ?? ''].filter((s) => s !== '');
  return ids.length === 0 ? undefined : ids.join(' ');
}

function ErrorMessage({ error }: { error: string | undefined }) {
  return error === undefined ? null : (
    <p id={ERROR_ID} class="err-msg"><span class="visually-hidden">Error:</span> {error}</p>
  );
}

function Hint({ question }: { question: QuestionView }) {
  return question.hint === undefined ? null : <div id={HINT_ID} class="hint">{question.hint}</div>;
}

interface OptionProps {
  type: 'radio' | 'checkbox';
  id: string;
  value: string;
  label: string;
  hint?: string | undefined;
  checked: boolean;
}

function Option({ type, id, value, label, hint, checked }: OptionProps) {
  const hintId = hint === undefined ? undefined : `${id}-item-hint`;
  return (
    <div class="opt">
      <input type={type} id={id} name="answer" value={value} checked={checked} aria-describedby={hintId} />
      <div>
        <label for={id}>{label}</label>
        {hint === undefined ? null : <div id={hintId} class="hint">{hint}</div>}
      </div>
    </div>
  );
}

function optionId(i: number): string {
  return i === 0 ? 'answer' : `answer-${String(i + 1)}`;
}

function Choices({ question, prefill }: { question: QuestionView; prefill: Prefill }) {
  const multi = question.kind === 'multi';
  const type = multi ? 'checkbox' : 'radio';
  const options: readonly QuestionOption[] = question.kind === 'boolean'
    ? [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }]
    : (question.options ?? []);
  const picked = new Set(prefill.answer);
  return (
    <div>
      {options.map((o, i) => (
        <Option type={type} id={optionId(i)} value={multi ? (o.finding ?? o.value) : o.value} label={o.label} hint={o.hint}
          checked={picked.has(multi ? (o.finding ?? o.value) : o.value)} />
      ))}
      {multi || (question.unknownAllowed && question.kind === 'choice') ? <p class="or">or</p> : null}
      {multi ? <Option type="checkbox" id="answer-none" value="none" label="None of these" checked={picked.has('none')} /> : null}
      {question.unknownAllowed ? <Option type={type} id="answer-unknown" value="unknown" label="I'm not sure" checked={picked.has('unknown')} /> : null}
    </div>
  );
}

const UNIT_LABELS = { days: 'Days', weeks: 'Weeks', months: 'Months' } as const;

function NumberInput({ question, prefill, error }: { question: QuestionView; prefill: Prefill; error: string | undefined }) {
  const units = question.units ?? [];
  const decimal = units.length > 0;
  const hasError = error !== undefined;
  return (
    <>
      <div class="row">
        <div>
          <label class="lbl" for="answer">{units.length > 0 ? 'Number' : 'Your answer'}</label>
          <input class={hasError ? 'num num-err' : 'num'} id="answer" name="answer" type="text" inputmode={decimal ? 'decimal' : 'numeric'}
            autocomplete="off" spellcheck={false} value={prefill.answer[0] ?? ''} aria-describedby={describedBy(question.hint !== undefined, hasError)} />
        </div>
        {units.length === 0 ? null : (
          <div>
            <label class="lbl" for="unit">Days, weeks or months</label>
            <select id="unit" name="unit">
              {units.map((u) => <option value={u} selected={(prefill.unit ?? 'weeks') === u}>{UNIT_LABELS[u]}</option>)}
            </select>
          </div>
        )}
      </div>
      {question.unknownAllowed ? (
        <div class="opt">
          <input type="checkbox" id="unsure" name="unsure" value="yes" checked={prefill.unsure} />
          <div><label for="unsure">I'm not sure</label></div>
        </div>
      ) : null}
    </>
  );
}

/** The body of a question: a plain labelled input for a simple number, otherwise a fieldset with the question as legend. */
function QuestionField({ question, prefill, error }: { question: QuestionView; prefill: Prefill; error: string | undefined }) {
  const hasError = error !== undefined;
  const simpleNumber = question.kind === 'number' && (question.units ?? []).length === 0 && !question.unknownAllowed;
  if (simpleNumber) {
    return (
      <div class={hasError ? 'fg fg-err' : 'fg'}>
        <h1><label for="answer">{question.text}</label></h1>
        <Hint question={question} />
        <ErrorMessage error={error} />
        <input class={hasError ? 'num num-err' : 'num'} id="answer" name="answer" type="text" inputmode="numeric" autocomplete="off"
          spellcheck={false} value={prefill.answer[0] ?? ''} aria-describedby={describedBy(question.hint !== undefined, hasError)} />
      </div>
    );
  }
  return (
    <div class={hasError ? 'fg fg-err' : 'fg'}>
      <fieldset aria-describedby={describedBy(question.hint !== undefined, hasError)}>
        <legend><h1>{question.text}</h1></legend>
        <Hint question={question} />
        <ErrorMessage error={error} />
        {question.kind === 'number'
          ? <NumberInput question={question} prefill={prefill} error={error} />
          : <Choices question={question} prefill={prefill} />}
      </fieldset>
    </div>
  );
}

export function ErrorSummary({ errors }: { errors: readonly { href: string; text: string }[] }) {
  return (
    <div class="errs" role="alert" tabindex={-1} id="error-summary" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {errors.map((e) => <li><a href={e.href}>{e.text}</a></li>)}
      </ul>
    </div>
  );
}

/** The Back link (GOV.UK pattern): a plain link, since every check page has its own address. */
export function BackLink({ href }: { href: string }) {
  return <a class="back" href={href}>Back</a>;
}

const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  about_you: 'About you',
  warning_signs: 'Warning signs',
  your_symptoms: 'Your symptoms',
};

/** Where the person is in the check: About you, Warning signs, Your symptoms, then Your result. */
export function Progress({ stage }: { stage: Stage }) {
  return (
    <nav aria-label="Progress" class="progress">
      <ol>
        {STAGES.map((s) => <li {...(s === stage ? { 'aria-current': 'step' as const } : {})}>{STAGE_LABELS[s]}</li>)}
        <li>Your result</li>
      </ol>
    </nav>
  );
}

export function QuestionPage(props: QuestionPageProps) {
  const { site, question, error } = props;
  return (
    <Layout site={site} title={question.text} check={true} hasError={error !== undefined} back={<BackLink href={props.back} />}
      skipTo={{ href: '#question', text: 'Skip to the question' }}>
      {error === undefined ? null : <ErrorSummary errors={[{ href: '#answer', text: error }]} />}
      {props.notice === undefined ? null : <div class="inset"><p>{props.notice}</p></div>}
      <Progress stage={question.stage} />
      <form method="post" action="/check" novalidate id="question">
        {props.state === undefined ? null : <input type="hidden" name="s" value={props.state} />}
        <QuestionField question={question} prefill={props.prefill} error={error} />
        <button type="submit" class="btn">Continue</button>
      </form>
      {question.riskTopic === true ? (
        <p class="meta">
          This question covers one of the topics of the STarT Back tool, which helps match back pain to the right care. We ask it in our own words.
        </p>
      ) : null}
    </Layout>
  );
}

// The pages of sending a result to the clinic: the contact form (after a 999 warning for an emergency) and the confirmation.
import type { Level } from '../../engine/types.js';
import { Layout } from '../../web/layout.js';
import { Tel } from '../../web/tel.js';
import type { Site } from '../../web/site.js';
import { ClinicStyles } from '../views/clinic-css.js';
import { Checkbox, ErrorSummary, Hidden, Radios, TextArea, TextField, type FieldError } from '../views/form-parts.js';
import { BEST_TIMES, LIMITS, type SendFields } from './send-input.js';

/** The result in the person's words, as the result page put it. */
const RESULT_WORDS: Readonly<Record<Level, string>> = {
  emergency: 'Call 999 or go to A&E now',
  urgent: 'Get help today',
  soon: 'See a GP or physiotherapist in the next 1 to 2 weeks',
  routine: 'Book a physiotherapy appointment',
  self_care: 'You can look after this yourself',
};

const BEST_TIME_OPTIONS: Readonly<Record<(typeof BEST_TIMES)[number], string>> = {
  any: 'Any time', morning: 'Morning', afternoon: 'Afternoon', evening: 'Early evening',
};

/** What to do now, above the form (`sent` false) or on the confirmation (`sent` true), for the two urgent levels. */
export function CallNow({ site, level, sent }: { site: Site; level: Level; sent: boolean }) {
  const { config } = site;
  if (level === 'emergency') {
    return (
      <div class="card card-emergency" id="call-now">
        <h2>Call <Tel number={config.emergencyNumber} /> now</h2>
        <p>Your answers mean you need help straight away. Call {config.emergencyNumber} or go to A&amp;E now. Do not wait for the clinic to contact you.</p>
        {sent ? null : <p>You can still send your result to the clinic below, so they know.</p>}
      </div>
    );
  }
  if (level === 'urgent') {
    return (
      <div class="card card-urgent" id="call-now">
        <h2>Get help today</h2>
        <p>
          Do not wait for the clinic to contact you. Call {config.urgentLine.name} on{' '}
          <Tel number={config.urgentLine.number} /> or your GP today.
          If it gets worse, call <Tel number={config.emergencyNumber} />.
        </p>
      </div>
    );
  }
  return null;
}

/** The form's fields, top to bottom: the error summary lists errors in this order (GOV.UK). */
const FIELD_ORDER = ['name', 'phone', 'email', 'best_time', 'message', 'consent'];

function inFormOrder(errors: readonly FieldError[]): FieldError[] {
  const rank = (e: FieldError) => { const i = FIELD_ORDER.indexOf(e.field); return i < 0 ? FIELD_ORDER.length : i; };
  return [...errors].sort((a, b) => rank(a) - rank(b));
}

export interface SendFormProps {
  site: Site;
  level: Level;
  /** The check's sealed state: the answers travel in it, never as readable fields. */
  state: string;
  fields: SendFields;
  errors: readonly FieldError[];
  token: string;
}

export function SendFormPage(p: SendFormProps) {
  const { config } = p.site;
  return (
    <Layout site={p.site} title="Send your result to the clinic" check={true} hasError={p.errors.length > 0}>
      <ClinicStyles />
      <CallNow site={p.site} level={p.level} sent={false} />
      <ErrorSummary errors={inFormOrder(p.errors)} />
      <h1>Send your result to {config.clinic.name}</h1>
      <p>Your result: <strong>{RESULT_WORDS[p.level]}</strong>.</p>
      <p>The clinic will see your answers and your result, and will contact you about it.</p>
      <form method="post" action="/send" novalidate>
        <Hidden name="s" value={p.state} />
        <Hidden name="_token" value={p.token} />
        <TextField id="name" label="Your name" value={p.fields.name} errors={p.errors} autocomplete="name" maxlength={LIMITS.name} />
        <TextField id="phone" label="Phone number" hint="We need a phone number or an email address, or both." type="tel"
          value={p.fields.phone} errors={p.errors} autocomplete="tel" maxlength={LIMITS.phone} width="short" />
        <TextField id="email" label="Email address" type="email" value={p.fields.email} errors={p.errors} autocomplete="email" maxlength={LIMITS.email} />
        <Radios name="best_time" legend="When is best to contact you?" value={p.fields.bestTime} errors={p.errors}
          options={BEST_TIMES.map((value) => ({ value, label: BEST_TIME_OPTIONS[value] }))} />
        <TextArea id="message" label="Anything else you want the clinic to know (optional)" hint="Do not include anything urgent. Call instead."
          value={p.fields.message} errors={p.errors} maxlength={LIMITS.message} />
        <Checkbox id="consent" checked={p.fields.consent} errors={p.errors}
          label={<>I agree that {config.clinic.name} may keep my answers and contact details to contact me about this result. <a href="/privacy">How we use your details</a></>} />
        <button class="btn" type="submit">Send to the clinic</button>
      </form>
    </Layout>
  );
}

export interface SendDoneProps {
  site: Site;
  reference: string;
  level: Level;
  /** When the clinic aims to contact them, in words ("within 2 working days"). */
  aim: string;
}

export function SendDonePage(p: SendDoneProps) {
  const { config } = p.site;
  return (
    <Layout site={p.site} title="Your result has been sent" check={true}>
      <ClinicStyles />
      <CallNow site={p.site} level={p.level} sent={true} />
      <div class="panel">
        <h1>Your result has been sent</h1>
        <p>Your reference is<br /><span class="ref" id="reference">{p.reference}</span></p>
      </div>
      <p>Write down your reference. Give it if you call the clinic.</p>
      <h2>What happens next</h2>
      <p>Someone from {config.clinic.name} will look at your answers and contact you {p.aim}.</p>
      <p>The clinic is open {config.clinic.openingHours}. You can call them on <Tel number={config.clinic.phone} />.</p>
      <div class="inset">
        <p>
          <strong>Do not wait for a reply if you need help urgently.</strong> Call {config.urgentLine.name} on{' '}
          <Tel number={config.urgentLine.number} />. In an emergency, call{' '}
          <Tel number={config.emergencyNumber} />.
        </p>
      </div>
      <p><a href="/articles">Read about looking after your joints and back</a></p>
    </Layout>
  );
}

/**
 * The same form sent a second time with different answers or contact details: nothing new was stored, so nothing new
 * is confirmed. `level` is the level of the answers sent now, so its urgent advice is still shown.
 */
export function AlreadySentPage(p: { site: Site; reference: string; level: Level }) {
  const { config } = p.site;
  return (
    <Layout site={p.site} title="You have already sent this form" check={true} noindex={true}>
      <ClinicStyles />
      <CallNow site={p.site} level={p.level} sent={true} />
      <h1>You have already sent this form</h1>
      <p>The clinic has what you sent the first time. Its reference is <span class="ref" id="reference">{p.reference}</span>.</p>
      <p><strong>The changes you made were not sent.</strong></p>
      <p>If your phone number or other details have changed, call {config.clinic.name} on <Tel number={config.clinic.phone} /> and
        give your reference. To send new answers, <a href="/check">do the check again</a>.</p>
    </Layout>
  );
}

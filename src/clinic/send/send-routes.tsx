// The /send/* routes: the contact form from the result page, storing the result, and the confirmation page.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { LEVELS } from '../../engine/types.js';
import { publicContext } from '../../db/context.js';
import type { CheckState } from '../../web/check/check-state.js';
import { replay } from '../../web/check/replay.js';
import { NotFoundPage, ProblemPage } from '../../web/pages/problem.js';
import { sendStartAgain } from '../../web/pages/start-again.js';
import { sendPage } from '../../web/send.js';
import type { ClinicContext } from '../clinic-context.js';
import { dueTime } from '../due-time.js';
import { needsEmail } from '../mail/notifier.js';
import { aimWords } from './aim-words.js';
import { checkFormToken, checkSignedValue, issueFormToken, signValue } from './form-token.js';
import { outcomeOf } from './outcome-of.js';
import { isSameOrigin } from './same-origin.js';
import { readSendFields, validateSend, withoutHiddenCharacters, type SendFields } from './send-input.js';
import { AlreadySentPage, SendDonePage, SendFormPage } from './send-pages.js';

/** A full set of answers and contact details is under 8 KB; anything far bigger is refused before parsing. */
export const SEND_BODY_LIMIT = 24 * 1024;

const PROBLEMS = {
  cross_site: 'This form was not sent from our website, so we did not send it. Please go back and try again.',
  too_many: 'This form has been sent many times in a short while. Please wait a few minutes and try again, or call the clinic.',
  invalid: 'We could not read your answers, so we could not send them. Please do the check again.',
  incomplete: 'Your answers are not complete, so there is no result to send yet. Please finish the check first.',
  out_of_scope: 'This check is for people aged 16 and over, so there is no result to send. Please contact your GP or NHS 111.',
} as const;

const EMPTY_FIELDS: SendFields = { consent: false, name: '', phone: '', email: '', bestTime: '', message: '' };

export function sendRoutes(ctx: ClinicContext): FastifyPluginAsync {
  const problem = (reply: FastifyReply, status: number, key: keyof typeof PROBLEMS) =>
    sendPage(reply, <ProblemPage site={ctx.site} message={PROBLEMS[key]} />, 'no-store', status);

  const guard = (request: FastifyRequest, reply: FastifyReply) =>
    isSameOrigin(request, ctx.config.baseUrl) ? undefined : problem(reply, 403, 'cross_site');

  /**
   * The answers in the check's sealed state (the result page's address, or the form's own copy), as on the path the
   * person took, with the outcome the server works out from them; or the page to send instead.
   */
  const checked = (reply: FastifyReply, sealed: unknown) => {
    const opened = ctx.checkStates.open(Array.isArray(sealed) ? (sealed as unknown[])[0] : sealed, ctx.now());
    if (!opened.ok) return { page: sendStartAgain(reply, ctx.site, opened.problem) };
    const check = outcomeOf(ctx.content, replay(ctx.content, opened.state.answers).answers);
    return check.ok ? { check } : { page: problem(reply, 400, check.reason) };
  };
  const sealAnswers = (answers: CheckState['answers']) => ctx.checkStates.seal({ answers }, ctx.now());

  return (app) => {
    // The contact form, reached by a link from the result page whose address holds the check's sealed state.
    app.get('/send/start', async (request, reply) => {
      const refused = guard(request, reply);
      if (refused !== undefined) return refused;
      const sealed = (request.query as Record<string, unknown>).s;
      if (sealed === undefined) return reply.redirect('/check', 303);
      const { check, page } = checked(reply, sealed);
      if (check === undefined) return page;
      const { token } = issueFormToken(ctx.formSecret, 'send', ctx.now());
      return sendPage(reply, <SendFormPage site={ctx.site} level={check.outcome.level} state={sealAnswers(check.answers)}
        fields={EMPTY_FIELDS} errors={[]} token={token} />, 'no-store');
    });

    // The typed fields are checked for control characters by validateSend, which shows the form again with an error.
    const textFields = { checkedByRoute: ['name', 'phone', 'email', 'message'] };
    app.post('/send', { bodyLimit: SEND_BODY_LIMIT, config: { textFields } }, async (request, reply) => {
      const refused = guard(request, reply);
      if (refused !== undefined) return refused;
      if (!(await ctx.sendLimiter.hit(request.ip))) return problem(reply, 429, 'too_many');
      const body = request.body as Record<string, unknown> | undefined;
      const { check, page } = checked(reply, body?.s);
      if (check === undefined) return page;
      const fields = readSendFields(request.body);
      const token = checkFormToken(ctx.formSecret, 'send', body?._token, ctx.now(), ctx.settings.formTokenTtlMs);
      const valid = validateSend(fields);
      if (!token.ok || !valid.ok) {
        const errors = [
          ...(token.ok ? [] : [{ field: 'name', message: 'This form was open for too long, so it was not sent. Check your details and send it again' }]),
          ...(valid.ok ? [] : valid.errors),
        ];
        const keep = token.ok && typeof body?._token === 'string' ? body._token : issueFormToken(ctx.formSecret, 'send', ctx.now()).token;
        return sendPage(reply, <SendFormPage site={ctx.site} level={check.outcome.level} state={sealAnswers(check.answers)}
          fields={withoutHiddenCharacters(fields)} errors={errors} token={keep} />, 'no-store', 400);
      }
      const { outcome } = check;
      const stored = await ctx.store.submissions.create(publicContext, {
        ...valid.value, answers: check.answers, outcome, formNonce: token.nonce,
        dueAt: dueTime(outcome.level, ctx.now(), ctx.settings.due).toISOString(), needsEmail: needsEmail(outcome.level),
      });
      if (stored.changed) {
        // The same form sent again with other answers or details: the clinic keeps the first; say so, confirm nothing new.
        return sendPage(reply, <AlreadySentPage site={ctx.site} reference={stored.reference} level={outcome.level} />, 'no-store', 409);
      }
      if (needsEmail(outcome.level) && !stored.duplicate) void ctx.notifier.sweep().catch(() => undefined);
      // The level is bound into the signature, not written in the address: the page finds it by checking each one.
      const signed = signValue(ctx.formSecret, 'done', `${stored.reference}|${stored.level}`);
      return reply.redirect(`/send/done?r=${stored.reference}&s=${signed}`, 303);
    });

    app.get('/send/done', async (request, reply) => {
      const q = request.query as Record<string, unknown>;
      const reference = typeof q.r === 'string' ? q.r : '';
      const level = LEVELS.find((l) => checkSignedValue(ctx.formSecret, 'done', `${reference}|${l}`, q.s));
      if (level === undefined) {
        return sendPage(reply, <NotFoundPage site={ctx.site} />, 'no-store', 404);
      }
      return sendPage(reply, <SendDonePage site={ctx.site} reference={reference} level={level}
        aim={aimWords(level, ctx.settings.due)} />, 'no-store');
    });
    return Promise.resolve();
  };
}

// /clinic/submissions/:ref: the detail page and its forms (status, assign, feedback, delete). Each handler: parse, one
// repository call, redirect or render.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { STATUSES, VERDICTS, type Status, type Verdict } from '../../db/submission-types.js';
import { NotFoundPage } from '../../web/pages/problem.js';
import { sendPage } from '../../web/send.js';
import { adminOnly } from '../auth/staff-session.js';
import { contextOf, principalOf } from '../auth/staff-principal.js';
import type { ClinicContext } from '../clinic-context.js';
import type { FieldError } from '../views/form-parts.js';
import { DetailPage } from './detail-page.js';
import { field, param, queryValue } from './staff-form.js';

const NOTICES: Readonly<Record<string, string>> = {
  status: 'Status saved.', assign: 'Assignment saved.', feedback: 'Feedback saved. Thank you.',
};

const MAX_TEXT = 2000;

export function detailRoutes(ctx: ClinicContext): FastifyPluginAsync {
  const render = async (request: FastifyRequest, reply: FastifyReply, errors: FieldError[] = [], typed: Record<string, string> = {}) => {
    const s = await ctx.store.submissions.get(contextOf(request), param(request, 'ref'));
    if (s === undefined) return sendPage(reply, <NotFoundPage site={ctx.site} />, 'no-store', 404);
    const notice = NOTICES[queryValue(request, 'done') ?? ''];
    return sendPage(reply, <DetailPage site={ctx.site} staff={principalOf(request)} csrf={reply.generateCsrf()} s={s} content={ctx.content}
      references={ctx.references} assignable={await ctx.store.staff.listAssignable()} now={ctx.now()} timeZone={ctx.settings.due.timeZone}
      errors={errors} typed={typed} {...(notice === undefined ? {} : { notice })} />, 'no-store', errors.length > 0 ? 400 : 200);
  };
  const back = (request: FastifyRequest, reply: FastifyReply, done: string) =>
    reply.redirect(`/clinic/submissions/${encodeURIComponent(param(request, 'ref'))}?done=${done}`, 303);
  const notFound = (reply: FastifyReply) => sendPage(reply, <NotFoundPage site={ctx.site} />, 'no-store', 404);

  return (app) => {
    app.get('/clinic/submissions/:ref', async (request, reply) => render(request, reply));

    app.post('/clinic/submissions/:ref/status', { config: { textFields: { multiline: ['note'] } } }, async (request, reply) => {
      const to = field(request, 'to', 20);
      const note = field(request, 'note', MAX_TEXT).trim();
      if (!(STATUSES as readonly string[]).includes(to)) return render(request, reply, [{ field: 'to', message: 'Choose a status from the list' }], { note });
      if (note.length > MAX_TEXT) return render(request, reply, [{ field: 'note', message: 'The note must be 2,000 characters or fewer' }], { note });
      const result = await ctx.store.submissions.setStatus(contextOf(request), param(request, 'ref'), to as Status, note === '' ? null : note);
      if (!result.ok && result.code === 'not_found') return notFound(reply);
      if (!result.ok) return render(request, reply, [{ field: 'to', message: 'It cannot move to that status from where it is now' }], { note });
      return back(request, reply, 'status');
    });

    app.post('/clinic/submissions/:ref/assign', async (request, reply) => {
      const assignee = field(request, 'assignee', 40);
      const result = await ctx.store.submissions.assign(contextOf(request), param(request, 'ref'), assignee === '' ? null : assignee);
      if (!result.ok && result.code === 'not_found') return notFound(reply);
      if (!result.ok) return render(request, reply, [{ field: 'assignee', message: 'Choose someone from the list' }]);
      return back(request, reply, 'assign');
    });

    app.post('/clinic/submissions/:ref/feedback', { config: { textFields: { multiline: ['comment'] } } }, async (request, reply) => {
      const verdict = field(request, 'verdict', 20);
      const comment = field(request, 'comment', MAX_TEXT).trim();
      const errors: FieldError[] = [];
      if (!(VERDICTS as readonly string[]).includes(verdict)) errors.push({ field: 'verdict', message: 'Choose whether the level was right' });
      if (comment.length > MAX_TEXT) errors.push({ field: 'comment', message: 'The comment must be 2,000 characters or fewer' });
      if (errors.length > 0) return render(request, reply, errors, { comment, verdict });
      const result = await ctx.store.submissions.addFeedback(contextOf(request), param(request, 'ref'), verdict as Verdict, comment === '' ? null : comment);
      if (!result.ok) return notFound(reply);
      return back(request, reply, 'feedback');
    });

    app.post('/clinic/submissions/:ref/delete', { preHandler: adminOnly(ctx) }, async (request, reply) => {
      if (field(request, 'confirm', 5) !== 'yes') return render(request, reply, [{ field: 'confirm', message: 'Tick the box to confirm the deletion' }]);
      const deleted = await ctx.store.retention.deleteByReference(contextOf(request), param(request, 'ref'));
      if (!deleted) return notFound(reply);
      return reply.redirect('/clinic/retention?done=deleted', 303);
    });
    return Promise.resolve();
  };
}

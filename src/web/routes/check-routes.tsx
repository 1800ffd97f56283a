// Routes for the check: question pages, Back, check your answers with Change, the result, and saved results.
import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import { placeholders } from '../../config.js';
import { outOfScopeAdvice } from '../../content/advice.js';
import { triage, validateAnswers } from '../../engine/index.js';
import type { AnswerValue, QuestionView } from '../../engine/types.js';
import type { AppContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { fieldsToAnswers } from '../answer-fields.js';
import { EMPTY_PREFILL, parseQuestionInput, prefillFromBody, prefillFromValues, type Prefill } from '../check/question-input.js';
import { QuestionPageCache } from '../check/question-cache.js';
import { questionView } from '../check/question-view.js';
import { replay } from '../check/replay.js';
import { resultView } from '../check/result-view.js';
import { savedAnswers } from '../check/saved.js';
import { CheckAnswersPage } from '../pages/check-answers.js';
import { OutOfScopePage } from '../pages/out-of-scope.js';
import { ProblemPage } from '../pages/problem.js';
import { QuestionPage } from '../pages/question.js';
import { ResultPage } from '../pages/result.js';
import { SavedResultPage } from '../pages/saved.js';
import { fixedPage, sendFixedPage, sendPage, type FixedPage } from '../send.js';

type Answers = Readonly<Record<string, AnswerValue>>;
type Body = Readonly<Record<string, unknown>>;

interface QuestionArgs {
  question: QuestionView;
  answers: Answers;
  backAnswers?: Answers | undefined;
  backAction?: string;
  prefill?: Prefill;
  error?: string;
  notice?: string;
}

/** Form posts only: anything else is a 415, shown as a plain page. */
function formBody(request: FastifyRequest): Body {
  const type = request.headers['content-type'] ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) throw new AppError('unsupported_media_type');
  return (request.body ?? {}) as Body;
}

function firstString(value: unknown): string {
  const v: unknown = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v : '';
}

function without(answers: Answers, findings: readonly string[]): Record<string, AnswerValue> {
  return Object.fromEntries(Object.entries(answers).filter(([id]) => !findings.includes(id)));
}

export function checkRoutes(ctx: AppContext): FastifyPluginCallback {
  const { site, content, config, library } = ctx;
  let firstPage: FixedPage | undefined;

  const cache = new QuestionPageCache(site, content.version);

  const sendQuestion = async (reply: FastifyReply, args: QuestionArgs, status = 200) => {
    const plain = args.error === undefined && args.notice === undefined && args.backAction === undefined && args.prefill === undefined;
    if (plain) {
      const html = await cache.html(args.question, args.answers, args.backAnswers);
      return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
    }
    return sendFullQuestion(reply, args, status);
  };

  const sendFullQuestion = (reply: FastifyReply, args: QuestionArgs, status: number) => sendPage(reply, (
    <QuestionPage site={site} contentVersion={content.version} question={args.question} answers={args.answers}
      prefill={args.prefill ?? EMPTY_PREFILL}
      {...(args.backAnswers === undefined ? {} : { backAnswers: args.backAnswers })}
      {...(args.backAction === undefined ? {} : { backAction: args.backAction })}
      {...(args.error === undefined ? {} : { error: args.error })}
      {...(args.notice === undefined ? {} : { notice: args.notice })} />
  ), 'no-store', status);

  const problem = (reply: FastifyReply, message: string) =>
    sendPage(reply, <ProblemPage site={site} message={message} />, 'no-store', 400);

  /** Answers from hidden fields, refused (400) if the engine finds them invalid: they were changed by hand. */
  const hiddenAnswers = (body: Body): Record<string, AnswerValue> => {
    const answers = fieldsToAnswers(body);
    if (validateAnswers(content, answers).errors.length > 0) throw new AppError('invalid_body');
    return answers;
  };

  /** Shows whatever the answers on the path lead to; `showResult` skips check-your-answers. */
  const sendFromPath = async (reply: FastifyReply, answers: Answers, opts: { showResult: boolean; notice?: string }) => {
    const path = replay(content, answers);
    const result = path.result;
    switch (result.status) {
      case 'question': {
        const args: QuestionArgs = { question: result.question, answers: path.answers, ...(opts.notice === undefined ? {} : { notice: opts.notice }) };
        return sendQuestion(reply, path.steps.length === 0 ? args : { ...args, backAnswers: path.answers });
      }
      case 'outcome':
        if (opts.showResult || result.outcome.level === 'emergency') {
          const view = resultView(config, content, library, result.outcome, path.answers, ctx.now());
          return sendPage(reply, <ResultPage site={site} view={view} {...(opts.notice === undefined ? {} : { notice: opts.notice })} />, 'no-store');
        }
        return sendPage(reply, <CheckAnswersPage site={site} steps={path.steps} answers={path.answers} />, 'no-store');
      case 'out_of_scope':
        return sendPage(reply, <OutOfScopePage site={site} advice={outOfScopeAdvice(library.advice, placeholders(config))} />, 'no-store');
      case 'invalid':
        throw new AppError('invalid_body');
    }
  };

  return (app, _options, done) => {
    app.get('/check', async (request, reply) => {
      // The first page is the same for everyone: render and compress it once.
      if (firstPage === undefined) {
        const first = triage(content, {});
        if (first.status !== 'question') throw new AppError('unavailable');
        firstPage = await fixedPage(<QuestionPage site={site} contentVersion={content.version} question={first.question} answers={{}} prefill={EMPTY_PREFILL} />);
      }
      return sendFixedPage(request, reply, firstPage, 'revalidate');
    });

    app.post('/check', async (request, reply) => {
      const body = formBody(request);
      const answers = hiddenAnswers(body);
      const shown = firstString(body.o).split(' ').filter((s) => s !== '');
      const question = questionView(content, firstString(body.q), shown);
      if (question === undefined) {
        return problem(reply, 'The check has been updated since you started, so we could not use that answer. Please start again.');
      }
      const others = without(answers, question.findings);
      const backAnswers = Object.keys(others).length === 0 ? undefined : others;
      const parsed = parseQuestionInput(content, question, prefillFromBody(body));
      if (!parsed.ok) {
        return sendQuestion(reply, { question, answers: others, backAnswers, prefill: parsed.prefill, error: parsed.message }, 400);
      }
      const merged = { ...others, ...parsed.values };
      const next = triage(content, merged);
      if (next.status === 'question') return sendQuestion(reply, { question: next.question, answers: merged, backAnswers: merged });
      return sendFromPath(reply, merged, { showResult: false });
    });

    app.post('/check/back', async (request, reply) => {
      const path = replay(content, hiddenAnswers(formBody(request)));
      const last = path.steps.at(-1);
      if (last === undefined) return reply.redirect('/check', 303);
      const before = without(path.answers, last.question.findings);
      return sendQuestion(reply, {
        question: last.question, answers: before, prefill: prefillFromValues(last.question, last.values),
        backAnswers: path.steps.length > 1 ? before : undefined,
      });
    });

    app.post('/check/change', async (request, reply) => {
      const body = formBody(request);
      const path = replay(content, hiddenAnswers(body));
      const step = path.steps.find((s) => s.question.id === firstString(body.change));
      if (step === undefined) return sendFromPath(reply, path.answers, { showResult: false });
      return sendQuestion(reply, {
        question: step.question, answers: without(path.answers, step.question.findings),
        prefill: prefillFromValues(step.question, step.values), backAnswers: path.answers, backAction: '/check/answers',
      });
    });

    app.post('/check/answers', async (request, reply) => sendFromPath(reply, hiddenAnswers(formBody(request)), { showResult: false }));

    app.post('/check/result', async (request, reply) => sendFromPath(reply, hiddenAnswers(formBody(request)), { showResult: true }));

    app.get('/check/saved', async (_request, reply) => sendPage(reply, <SavedResultPage site={site} />, 'no-store'));

    app.post('/check/saved', async (request, reply) => {
      const body = formBody(request);
      const saved = savedAnswers(content, fieldsToAnswers(body), firstString(body.saved));
      if (saved.answers === undefined) return problem(reply, 'This link does not hold a result we can read. Please take the check again.');
      return sendFromPath(reply, saved.answers, { showResult: true, notice: saved.notice });
    });

    // These addresses only take form posts; a plain visit (a bookmark, a refresh) starts the check.
    for (const url of ['/check/back', '/check/change', '/check/answers', '/check/result']) {
      app.get(url, async (_request, reply) => reply.redirect('/check', 303));
    }
    done();
  };
}

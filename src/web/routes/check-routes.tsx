// Routes for the check: a form post answers a question and redirects (303) to the next page, which is a plain GET
// whose address carries the state sealed (see src/web/README.md): Back, refresh and bookmarks work on every page.
import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import { placeholders } from '../../config.js';
import { outOfScopeAdvice } from '../../content/advice.js';
import { pageView, triage } from '../../engine/index.js';
import type { AnswerValue, QuestionView } from '../../engine/types.js';
import type { AppContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { fieldsToAnswers } from '../answer-fields.js';
import { checkUrl, noAnswers, shownQuestion, type CheckState, type OpenedState, type StateProblem } from '../check/check-state.js';
import { EMPTY_PREFILL, parseQuestionInput, prefillFromBody, prefillFromValues } from '../check/question-input.js';
import { QuestionPageCache } from '../check/question-cache.js';
import { replay, type Step } from '../check/replay.js';
import { resultView } from '../check/result-view.js';
import { savedAnswers, savedNotice } from '../check/saved.js';
import { CheckAnswersPage } from '../pages/check-answers.js';
import { OutOfScopePage } from '../pages/out-of-scope.js';
import { ProblemPage } from '../pages/problem.js';
import { QuestionPage } from '../pages/question.js';
import { ResultPage } from '../pages/result.js';
import { SavedResultPage } from '../pages/saved.js';
import { sendStartAgain } from '../pages/start-again.js';
import { fixedPage, sendFixedPage, sendPage, type FixedPage } from '../send.js';

type Answers = Readonly<Record<string, AnswerValue>>;
type Body = Readonly<Record<string, unknown>>;

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

/** A redirect to a page that shows answers: never stored by a cache either. */
function redirect(reply: FastifyReply, url: string): FastifyReply {
  return reply.header('cache-control', 'no-store').redirect(url, 303);
}

export function checkRoutes(ctx: AppContext): FastifyPluginCallback {
  const { site, content, config, library, checkStates: states } = ctx;
  let firstPage: FixedPage | undefined;
  const cache = new QuestionPageCache(site);

  const startAgain = (reply: FastifyReply, problem: StateProblem) => sendStartAgain(reply, site, problem);

  /** The sealed state in the `s` query parameter, with its token. */
  const stateOf = (request: FastifyRequest): { token: string } & OpenedState => {
    const token = firstString((request.query as Record<string, unknown>).s);
    return { token, ...states.open(token, ctx.now()) };
  };
  const seal = (state: CheckState) => states.seal(state, ctx.now());
  /** The page a state asks, as it was shown; a problem when the state holds none or the check has changed since. */
  const pageOf = (state: CheckState): QuestionView | StateProblem =>
    state.question === undefined ? 'broken' : pageView(content, state.question.id, state.question.shown ?? []) ?? 'updated';
  /** A step of the path asked again, its answers filled in (Back, or Change from "Check your answers"). */
  const stepUrl = (answers: Answers, step: Step, changing: boolean): string => checkUrl('q', seal({
    answers: without(answers, step.question.findings), question: shownQuestion(step.question), previous: step.values,
    ...(changing ? { changing: true } : {}),
  }));

  /** Shows whatever the answers lead to; `showResult` skips check-your-answers. */
  const sendFromPath = async (reply: FastifyReply, token: string, answers: Answers, opts: { showResult: boolean; saved?: CheckState['saved'] }) => {
    const path = replay(content, answers);
    const result = path.result;
    const saved = opts.saved === undefined ? {} : { saved: opts.saved };
    switch (result.status) {
      case 'question':
        // Only reached with an address made for an unfinished check (a saved result the updated check needs more
        // answers for): go on with the next question, which says why.
        return redirect(reply, checkUrl('q', seal({ answers: path.answers, question: shownQuestion(result.question), ...saved })));
      case 'outcome':
        if (opts.showResult || result.outcome.level === 'emergency') {
          const view = resultView(config, content, library, result.outcome, path.answers, ctx.now());
          const notice = opts.saved === undefined ? {} : { notice: savedNotice(content, opts.saved.version, opts.saved.dropped) };
          return sendPage(reply, <ResultPage site={site} view={view} state={token} {...notice} />, 'no-store');
        }
        return sendPage(reply, <CheckAnswersPage site={site} steps={path.steps} state={token} />, 'no-store');
      case 'out_of_scope':
        return sendPage(reply, <OutOfScopePage site={site} advice={outOfScopeAdvice(library.advice, placeholders(config))} />, 'no-store');
      case 'invalid':
        throw new AppError('invalid_body');
    }
  };

  /** Where answers lead next: the next question, "Check your answers", or the result (an emergency, out of scope). */
  const nextUrl = (answers: Answers): string => {
    const next = triage(content, answers);
    switch (next.status) {
      case 'question':
        return checkUrl('q', seal({ answers, question: shownQuestion(next.question) }));
      case 'outcome':
        return checkUrl(next.outcome.level === 'emergency' ? 'result' : 'answers', seal({ answers }));
      case 'out_of_scope':
        return checkUrl('result', seal({ answers }));
      case 'invalid':
        throw new AppError('invalid_body');
    }
  };

  let firstQuestion: QuestionView | undefined;
  /** The first question, the same for everyone (the content never changes while the server runs). */
  const first = (): QuestionView => {
    if (firstQuestion === undefined) {
      const result = triage(content, {});
      if (result.status !== 'question') throw new AppError('unavailable');
      firstQuestion = result.question;
    }
    return firstQuestion;
  };

  return (app, _options, done) => {
    app.get('/check', async (request, reply) => {
      // The first page is the same for everyone: render and compress it once.
      firstPage ??= await fixedPage(<QuestionPage site={site} question={first()} prefill={EMPTY_PREFILL} back="/" />);
      return sendFixedPage(request, reply, firstPage, 'revalidate');
    });

    // An answer: the page's state comes sealed in `s` (none on the first question), the answer in the fields.
    app.post('/check', async (request, reply) => {
      const body = formBody(request);
      const opened = body.s === undefined ? undefined : states.open(firstString(body.s), ctx.now());
      if (opened !== undefined && !opened.ok) return startAgain(reply, opened.problem);
      const state: CheckState = opened?.state ?? { answers: {}, question: shownQuestion(first()) };
      // A token made for another page (check your answers, a result) holds no question to answer.
      const question = pageOf(state);
      if (typeof question === 'string') return startAgain(reply, question);
      const parsed = parseQuestionInput(content, question, prefillFromBody(body));
      if (!parsed.ok) return redirect(reply, checkUrl('q', seal({ ...state, typed: parsed.prefill })));
      return redirect(reply, nextUrl({ ...state.answers, ...parsed.values }));
    });

    // A question page: blank, filled in (after Back or Change), or with what was typed and its error (status 400).
    app.get('/check/q', async (request, reply) => {
      const opened = stateOf(request);
      if (!opened.ok) return startAgain(reply, opened.problem);
      const { state, token } = opened;
      const question = pageOf(state);
      if (typeof question === 'string') return startAgain(reply, question);
      const parsed = state.typed === undefined ? undefined : parseQuestionInput(content, question, state.typed);
      const error = parsed !== undefined && !parsed.ok ? parsed.message : undefined;
      const back = state.changing === true ? checkUrl('answers', seal({ answers: { ...state.answers, ...state.previous } }))
        : noAnswers(state.answers) ? '/' : checkUrl('back', token);
      const notice = state.saved === undefined ? {} : { notice: savedNotice(content, state.saved.version, state.saved.dropped) };
      if (error === undefined && state.previous === undefined && state.saved === undefined && back !== '/') {
        return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(await cache.html(question, token));
      }
      const prefill = state.typed ?? (state.previous === undefined ? EMPTY_PREFILL : prefillFromValues(question, state.previous));
      return sendPage(reply, (
        <QuestionPage site={site} question={question} state={token} back={back} prefill={prefill} {...notice} {...(error === undefined ? {} : { error })} />
      ), 'no-store', error === undefined ? 200 : 400);
    });

    // Back: the previous question on the path, with its answer selected.
    app.get('/check/back', async (request, reply) => {
      const opened = stateOf(request);
      if (!opened.ok) return startAgain(reply, opened.problem);
      const path = replay(content, opened.state.answers);
      const last = path.steps.at(-1);
      if (last === undefined) return redirect(reply, '/check');
      return redirect(reply, stepUrl(path.answers, last, false));
    });

    // Change, from "Check your answers": step `n` of the path, filled in; Back and Continue return to the answers.
    app.get('/check/change', async (request, reply) => {
      const opened = stateOf(request);
      if (!opened.ok) return startAgain(reply, opened.problem);
      const path = replay(content, opened.state.answers);
      const step = path.steps[Number(firstString((request.query as Record<string, unknown>).n))];
      if (step === undefined) return redirect(reply, checkUrl('answers', seal({ answers: path.answers })));
      return redirect(reply, stepUrl(path.answers, step, true));
    });

    for (const [url, showResult] of [['/check/answers', false], ['/check/result', true]] as const) {
      app.get(url, async (request, reply) => {
        const opened = stateOf(request);
        if (!opened.ok) return startAgain(reply, opened.problem);
        const { state, token } = opened;
        return sendFromPath(reply, token, state.answers, { showResult, ...(state.saved === undefined ? {} : { saved: state.saved }) });
      });
    }

    app.get('/check/saved', async (_request, reply) => sendPage(reply, <SavedResultPage site={site} />, 'no-store'));

    // A saved result link's answers, posted by the saved page's script from the link's fragment.
    app.post('/check/saved', async (request, reply) => {
      const body = formBody(request);
      const version = firstString(body.saved);
      const saved = savedAnswers(content, fieldsToAnswers(body));
      if (saved.answers === undefined) {
        return sendPage(reply, <ProblemPage site={site} message="This link does not hold a result we can read. Please take the check again." />, 'no-store', 400);
      }
      return redirect(reply, checkUrl('result', seal({ answers: saved.answers, saved: { version, dropped: saved.dropped } })));
    });
    done();
  };
}

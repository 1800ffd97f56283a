// The result: the level card, what to do now, why (rules, answers, red flags checked), sources, safety net, save and send.
import { telHref } from '../../config.js';
import type { Level } from '../../engine/types.js';
import { LEVEL_LABELS, type ResultView } from '../check/result-view.js';
import { ArticleList, ReferenceList } from '../components.js';
import { DeafAccess } from '../deaf-access.js';
import { Layout } from '../layout.js';
import { LinkedText } from '../linked-text.js';
import type { Site } from '../site.js';
import { phoneText, Tel } from '../tel.js';

export interface ResultPageProps {
  site: Site;
  view: ResultView;
  /** The page's sealed state, for the "send to the clinic" link. */
  state: string;
  /** A note above the card, e.g. when a saved result was worked out again with changed content. */
  notice?: string;
}

function ActionLinks({ site, level }: { site: Site; level: Level }) {
  const { config } = site;
  switch (level) {
    case 'emergency':
      return (
        <>
          <p><a class="call" href={telHref(config.emergencyNumber)}>{phoneText(`Call ${config.emergencyNumber}`)}</a></p>
          <DeafAccess site={site} />
        </>
      );
    case 'urgent':
      return (
        <p>
          <a class="call" href={telHref(config.urgentLine.number)}>{phoneText(`Call ${config.urgentLine.number}`)}</a><br />
          or go to <a href={config.urgentLine.url}>{config.urgentLine.url.replace(/^https?:\/\//, '').replace(/\/$/, '')}</a>
        </p>
      );
    case 'soon':
    case 'routine':
      return (
        <p>
          <a class="btn" href={config.clinic.bookingUrl}>Book an appointment</a><br />
          Or call {config.clinic.name} on <Tel number={config.clinic.phone} /> ({config.clinic.openingHours})
        </p>
      );
    case 'self_care':
      return <p><a href="#self-care">See how to look after it yourself</a></p>;
  }
}

function Sources({ numbers }: { numbers: readonly number[] }) {
  if (numbers.length === 0) return null;
  return <p class="meta">Sources: {numbers.map((n, i) => <>{i > 0 ? ', ' : ''}<a href={`#source-${String(n)}`}>{`[${String(n)}]`}</a></>)}</p>;
}

function Why({ view }: { view: ResultView }) {
  const unsureBelow = view.raisedByUnsure ? [] : view.unsure;
  return (
    <>
      <h2>Why you got this result</h2>
      {view.rules.map((r) => (
        <div class="inset">
          <h3>{r.title}</h3>
          <p>{r.reason}</p>
          {r.because.length === 0 ? null : (
            <>
              <p>Because you told us:</p>
              <ul>{r.because.map((b) => <li>{b.label} <strong>{b.answer}</strong></li>)}</ul>
            </>
          )}
          {r.assuming.length === 0 ? null : (
            <p>This takes the answer you were not sure about ({r.assuming.map((a) => a.label.replace(/[?:]$/, '')).join('; ')}) in the most reassuring way.</p>
          )}
          <Sources numbers={r.sources} />
        </div>
      ))}
      {unsureBelow.length === 0 ? null : (
        <>
          <h3>Answers you were not sure about</h3>
          <ul>{unsureBelow.map((u) => <li>{u.ifYes}</li>)}</ul>
        </>
      )}
      {view.checkedAbsent.length === 0 ? null : (
        <>
          <h3>Warning signs we asked about that you do not have</h3>
          <ul>{view.checkedAbsent.map((c) => <li>{c.label} <strong>{c.answer}</strong></li>)}</ul>
        </>
      )}
    </>
  );
}

/** When an unsure answer set the level, that comes first: what to do if the sign is there, and if you are not sure. */
function UnsureFirst({ view }: { view: ResultView }) {
  if (!view.raisedByUnsure) return null;
  return (
    <div class="inset">
      <h2>You were not sure about a warning sign</h2>
      <ul>{view.unsure.filter((u) => u.couldBe === view.unsure[0]?.couldBe).map((u) => <li>{u.ifYes}</li>)}</ul>
      <p>If you are not sure, {view.whereToGo.map((w) => w.charAt(0).toLowerCase() + w.slice(1)).join(' Or ')}.</p>
    </div>
  );
}

function SaveAndShare({ view }: { view: ResultView }) {
  return (
    <section class="share" aria-labelledby="share-title">
      <h2 id="share-title">Save or share this result</h2>
      <p class="no-js">To keep a copy, use your browser's Print option. You can print it, or save it as a PDF.</p>
      <p class="js-only"><button type="button" class="btn btn-2" id="print-button">Print or save as PDF</button></p>
      <p>
        Or keep this link. It holds your answers, so only share it with people you trust. If you open it later, we
        will work out your result again, and tell you if the check has changed since.
      </p>
      <p><label class="lbl" for="share-link">Link to this result</label><input id="share-link" type="text" readonly value={view.shareUrl} /></p>
      <p><a href={view.shareUrl}>Open the link to this result</a></p>
    </section>
  );
}

function SendToClinic({ site, state }: { site: Site; state: string }) {
  const { clinic } = site.config;
  return (
    <section aria-labelledby="send-title" class="no-print">
      <h2 id="send-title">Send this result to {clinic.name}</h2>
      <p>If you would like {clinic.name} to contact you about this result, you can send it to them. You will be asked for your contact details first.</p>
      <p><a class="btn btn-2" href={`/send/start?s=${state}`} id="send-start">Send this result to the clinic</a></p>
    </section>
  );
}

export function ResultPage({ site, view, state, notice }: ResultPageProps) {
  const { outcome, advice } = view;
  const { config } = site;
  const level = outcome.level;
  // The title names no level: titles are kept in the browser's history.
  return (
    <Layout site={site} title="Your result" check={true} emergencyLine={level === 'emergency' || level === 'urgent'}>
      {notice === undefined ? null : <div class="inset"><p>{notice}</p></div>}
      <div class={`card card-${level}`}>
        <p class="lvl">{LEVEL_LABELS[level]}</p>
        <h1>{advice.title}</h1>
        {advice.timeFrame === undefined ? null : <p><strong>When:</strong> {advice.timeFrame}</p>}
        <p>{advice.meaning}</p>
        <ActionLinks site={site} level={level} />
      </div>
      <UnsureFirst view={view} />
      <h2>Where to go</h2>
      <ul>{view.whereToGo.map((w) => <li><LinkedText text={`${w}.`} config={config} /></li>)}</ul>
      {view.notes.length === 0 ? null : (
        <>
          <h2>What this means</h2>
          {view.notes.map((n) => <p><LinkedText text={n} config={config} /></p>)}
        </>
      )}
      <h2>What to do now</h2>
      <ul>{advice.doNow.map((d) => <li><LinkedText text={d} config={config} /></li>)}</ul>
      {level === 'emergency' || view.safetyNet.length === 0 ? null : (
        <>
          <h2>Get help quickly if things change</h2>
          <ul>{view.safetyNet.map((s) => <li><LinkedText text={s} config={config} /></li>)}</ul>
        </>
      )}
      <h2>What to expect</h2>
      <p><LinkedText text={advice.expect} config={config} /></p>
      {advice.selfManagement.length === 0 ? null : (
        <>
          <h2 id="self-care">Looking after yourself</h2>
          <ul>{advice.selfManagement.map((s) => <li><LinkedText text={s} config={config} /></li>)}</ul>
        </>
      )}
      <Why view={view} />
      {view.articles.length === 0 ? null : (
        <>
          <h2>Read more</h2>
          <ArticleList articles={view.articles} level={3} />
        </>
      )}
      {view.sources.length === 0 ? null : (
        <>
          <h2>Sources</h2>
          <ReferenceList references={view.sources} numbered={true} />
        </>
      )}
      <SaveAndShare view={view} />
      <SendToClinic site={site} state={state} />
      <p class="no-print"><a href="/check">Start the check again</a></p>
      <p class="meta">Check content version {outcome.contentVersion}. This result is not a diagnosis.</p>
    </Layout>
  );
}

// Tests that results read right: where to go per deciding rule, unsure emergency signs first, articles that fit
// the person, no internal ids, and the emergency line only above urgent results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interview, personAnswers } from '../../engine/index.js';
import type { AnswerValue, Outcome } from '../../engine/types.js';
import { seeded } from '../../server/test-support.js';
import { isRegionTag } from '../../content/tags.js';
import { ResultPage } from '../pages/result.js';
import { renderPage } from '../render.js';
import type { Site } from '../site.js';
import { resultView, type ResultView } from './result-view.js';

const { content, library, config } = seeded();
const site: Site = { config, assets: { css: '/assets/app.css', js: '/assets/e.js', favicon: '/assets/i.svg' } };
const NOW = new Date('2026-11-30T12:00:00Z');

function run(facts: Readonly<Record<string, AnswerValue>>): { outcome: Outcome; view: ResultView } {
  const { result, answers } = interview(content, personAnswers(content, facts));
  if (result.status !== 'outcome') assert.fail(`no outcome: ${result.status}`);
  return { outcome: result.outcome, view: resultView(config, content, library, result.outcome, answers, NOW) };
}

const html = (view: ResultView): Promise<string> => renderPage(<ResultPage site={site} view={view} state="sealed-state" />);

test('a locked knee is sent to an urgent treatment centre or A&E today, not to a GP (Where to go)', () => {
  const { outcome, view } = run({ age_years: 30, body_region: 'knee', main_concern: 'pain_only', joint_locked_now: true });
  assert.equal(outcome.level, 'urgent');
  assert.deepEqual(view.whereToGo, ['Go to an urgent treatment centre or A&E today']);
});

test('possible cancer in the spine goes to the GP, not the physiotherapy clinic; cord compression says so', () => {
  const soon = run({ age_years: 55, body_region: 'lower_back', main_concern: 'pain_only', cancer_history: true, pain_score: 4, duration_weeks: 2, trend: 'same' });
  assert.equal(soon.outcome.level, 'soon');
  assert.ok(soon.view.whereToGo.every((w) => /GP/.test(w) && !/physio/i.test(w)), soon.view.whereToGo.join(' | '));
  const e3 = run({ age_years: 55, body_region: 'lower_back', main_concern: 'pain_only', cancer_history: true, leg_pain: true });
  assert.equal(e3.outcome.level, 'emergency');
  assert.match(e3.view.whereToGo.join(' '), /say that you have had cancer/);
});

test('an unsure emergency sign comes first and says what to do if it is there, never that it is not an emergency (2b)', async () => {
  const { outcome, view } = run({ age_years: 40, body_region: 'lower_back', main_concern: 'pain_only', saddle_numbness: 'unknown', pain_score: 3, duration_weeks: 1, trend: 'better', bothersomeness: 'slightly' });
  assert.equal(outcome.level, 'urgent');
  assert.equal(view.raisedByUnsure, true);
  assert.match(view.unsure[0]?.ifYes ?? '', /^If you do have numbness or pins and needles around your bottom or genitals, call 999 or go to A&E now\.$/);
  const page = await html(view);
  assert.ok(page.indexOf('You were not sure about a warning sign') < page.indexOf('Where to go'), 'the unsure sign is the first reason');
  assert.match(page, /If you are not sure, get help today/);
  assert.doesNotMatch(page, /not an emergency/i);
});

test('each level has a time frame; the emergency line sits above urgent and emergency results only', async () => {
  const frames = new Set<string>();
  for (const [facts, level] of [
    [{ age_years: 44, body_region: 'lower_back', main_concern: 'pain_only', bladder_change: true }, 'emergency'],
    [{ age_years: 30, body_region: 'knee', main_concern: 'pain_only', joint_locked_now: true }, 'urgent'],
    [{ age_years: 30, body_region: 'knee', main_concern: 'pain_only', injury_recent: true, joint_gives_way: true, pain_score: 3, duration_weeks: 1, trend: 'better' }, 'soon'],
    [{ age_years: 62, body_region: 'knee', main_concern: 'pain_only', pain_score: 7, duration_weeks: 26, trend: 'same' }, 'routine'],
    [{ age_years: 28, body_region: 'wrist_hand', main_concern: 'noise_only' }, 'self_care'],
  ] as const) {
    const { outcome, view } = run(facts);
    assert.equal(outcome.level, level);
    assert.ok(view.advice.timeFrame !== undefined, `${level} has a time frame`);
    frames.add(view.advice.timeFrame);
    const page = await html(view);
    assert.equal(page.includes('id="emergency"'), level === 'emergency' || level === 'urgent', `${level}: emergency line`);
  }
  assert.equal(frames.size, 5);
});

test('the person never sees rule ids, citation keys or finding ids; a reason is written once', async () => {
  const { view } = run({ age_years: 40, body_region: 'knee', main_concern: 'noise_and_pain', noise_painful: true, pain_score: 7, duration_weeks: 8, trend: 'same' });
  const page = await html(view);
  const text = page.replace(/<[^>]+>/g, ' ');
  assert.doesNotMatch(text, /\b(Rule )?[EUSRC]\d{1,2}\b/, 'no rule ids');
  for (const r of library.references.keys()) assert.ok(!text.includes(r), `citation key ${r}`);
  for (const f of content.findings.keys()) assert.ok(!text.includes(f), `finding id ${f}`);
  for (const r of view.rules) assert.equal(text.split(r.reason).length - 1, 1, `"${r.reason}" once`);
  assert.equal(text.split(view.outcome.contentVersion).length - 1, 1, 'the content version only on its own line');
});

test('a painless noise is not told that pain comes and goes, and its main action is not to call the clinic', async () => {
  const { view } = run({ age_years: 28, body_region: 'wrist_hand', main_concern: 'noise_only' });
  assert.equal(view.outcome.level, 'self_care');
  const page = await html(view);
  assert.doesNotMatch(view.advice.expect, /Pain often comes and goes/);
  assert.doesNotMatch(page.slice(page.indexOf('class="card'), page.indexOf('</div>', page.indexOf('class="card'))), /Call /);
});

test('Read more offers only articles for the person: their region, a replaced joint only if they have one, age-fit', () => {
  const region = content.findings.get('body_region');
  const regions = region?.type === 'choice' ? region.values : [];
  for (const body of regions) {
    for (const [concern, extra] of [['noise_only', {}], ['noise_and_pain', { pain_score: 5, duration_weeks: 2, trend: 'same' }]] as const) {
      const { view } = run({ age_years: 28, body_region: body, main_concern: concern, ...extra });
      const own = content.regions.get(body)?.tags ?? [];
      for (const a of view.articles) {
        const regionTags = a.tags.filter((t) => isRegionTag(t));
        assert.ok(regionTags.length === 0 || regionTags.some((t) => own.includes(t)), `${body}: "${a.slug}" is about ${regionTags.join(', ')}`);
        assert.ok(!a.tags.includes('replaced-joint'), `${body}: "${a.slug}" is about a replaced joint`);
        assert.ok(a.minAge === undefined || a.minAge <= 28, `${body}: "${a.slug}" is for ${String(a.minAge)} and over`);
      }
    }
  }
  const replaced = run({ age_years: 70, body_region: 'knee', main_concern: 'noise_only', joint_replacement: true });
  assert.ok(replaced.view.articles.some((a) => a.tags.includes('replaced-joint')), 'a replaced knee gets the replaced-joint article');
});

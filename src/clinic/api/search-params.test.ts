// The search query of GET /fhir/QuestionnaireResponse: FHIR's date prefixes and precision, paging, and refusals by name.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FhirError } from '../../fhir/fhir-errors.js';
import { dateRange, encodeCursor, MAX_COUNT, parseSearch } from './search-params.js';

const range = (text: string) => {
  const r = dateRange(text);
  return r === undefined ? undefined : [r.from.toISOString(), r.to.toISOString()];
};

function refused(query: Record<string, unknown>, parameter: string): void {
  assert.throws(() => parseSearch(query), (e: unknown) => e instanceof FhirError && e.code === 'invalid_search' && e.expression === parameter);
}

describe('FHIR date ranges', () => {
  it('stand for the whole span of their precision', () => {
    assert.deepEqual(range('2026'), ['2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']);
    assert.deepEqual(range('2026-02'), ['2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z']);
    assert.deepEqual(range('2026-03-02'), ['2026-03-02T00:00:00.000Z', '2026-03-03T00:00:00.000Z']);
    assert.deepEqual(range('2026-03-02T10:15Z'), ['2026-03-02T10:15:00.000Z', '2026-03-02T10:16:00.000Z']);
    assert.deepEqual(range('2026-03-02T10:15:30+01:00'), ['2026-03-02T09:15:30.000Z', '2026-03-02T09:15:31.000Z']);
    assert.deepEqual(range('2026-03-02T10:15:30.123Z'), ['2026-03-02T10:15:30.123Z', '2026-03-02T10:15:30.124Z']);
    assert.deepEqual(range('2026-03-02T10:15:30.1Z'), ['2026-03-02T10:15:30.100Z', '2026-03-02T10:15:30.200Z']);
  });

  it('refuse what is not a date, a time without a zone, and impossible days', () => {
    for (const bad of ['', 'yesterday', '2026-3-2', '2026-03-02T10:15', '2026-02-30', '2026-13-01', '2026-03-02T24:00Z', '2026-03-02 10:15Z']) {
      assert.equal(dateRange(bad), undefined, bad);
    }
  });
});

describe('parseSearch', () => {
  it('turns each _lastUpdated prefix into conditions on the instant a result was sent', () => {
    const at = '2026-03-02T10:15:30.123Z';
    const next = '2026-03-02T10:15:30.124Z';
    const cases: [string, { op: string; at: string }[]][] = [
      [at, [{ op: '>=', at }, { op: '<', at: next }]],
      [`eq${at}`, [{ op: '>=', at }, { op: '<', at: next }]],
      [`gt${at}`, [{ op: '>=', at: next }]],
      [`sa${at}`, [{ op: '>=', at: next }]],
      [`ge${at}`, [{ op: '>=', at }]],
      [`lt${at}`, [{ op: '<', at }]],
      [`eb${at}`, [{ op: '<', at }]],
      [`le${at}`, [{ op: '<', at: next }]],
    ];
    for (const [value, sent] of cases) assert.deepEqual(parseSearch({ _lastUpdated: value }).search.sent, sent, value);
    assert.equal(parseSearch({ _lastUpdated: ['ge2026-03-01', 'lt2026-03-08'] }).search.sent.length, 2);
  });

  it('reads _id, _count and the cursor, and keeps the shaping parameters for the links', () => {
    const cursor = encodeCursor('2026-03-02T10:00:00.000Z', 'abc');
    const parsed = parseSearch({ _id: 'a-1,b.2', _count: '5', _cursor: cursor, _include: 'QuestionnaireResponse:subject', _format: 'json' });
    assert.deepEqual(parsed.search, { sent: [], ids: ['a-1', 'b.2'], count: 5, after: { at: '2026-03-02T10:00:00.000Z', id: 'abc' } });
    assert.deepEqual(parsed.canonical, [['_id', 'a-1,b.2'], ['_count', '5']]);
    assert.equal(parseSearch({}).search.count, 20);
    assert.equal(parseSearch({ _count: '0' }).search.count, 0);
  });

  it('refuses what it would not apply, naming the parameter', () => {
    refused({ status: 'completed' }, 'status');
    refused({ _lastUpdated: 'ne2026-03-02' }, '_lastUpdated');
    refused({ _lastUpdated: 'gt2026-03-02T10:00' }, '_lastUpdated');
    refused({ _count: String(MAX_COUNT + 1) }, '_count');
    refused({ _count: '-1' }, '_count');
    refused({ _count: ['1', '2'] }, '_count');
    refused({ _id: 'a b' }, '_id');
    refused({ _id: Array.from({ length: MAX_COUNT + 1 }, (_, i) => `id${i}`).join(',') }, '_id');
    refused({ _cursor: 'not-a-cursor' }, '_cursor');
    refused({ _cursor: encodeCursor('yesterday', 'x') }, '_cursor');
    refused({ _include: 'Patient:organization' }, '_include');
    refused({ _sort: '-_lastUpdated' }, '_sort');
    refused({ _format: 'xml' }, '_format');
  });
});

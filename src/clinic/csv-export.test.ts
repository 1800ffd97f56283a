// Formula-injection neutralisation for CSV cells.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { neutralise, phoneCell } from './csv-export.js';
import { isoWithOffset } from './format-time.js';

describe('CSV cells', () => {
  it('prefixes cells a spreadsheet would run as formulas', () => {
    for (const cell of ['=1+1', '+44 7700', '-2', '@SUM(A1)', '\t=1', '\r=1']) assert.equal(neutralise(cell), `'${cell}`);
  });
  it('leaves other text alone', () => {
    for (const cell of ['Pat', '07700 900982', ' =1', '<script>', '']) assert.equal(neutralise(cell), cell);
  });
});

describe('CSV phone numbers and dates', () => {
  it('writes a valid number in E.164, unprefixed, and still neutralises anything else in the phone column', () => {
    assert.equal(phoneCell('07700 900982'), '+447700900982');
    assert.equal(phoneCell('+44 7700 900982'), '+447700900982');
    assert.equal(phoneCell('+447700900982'), '+447700900982');
    assert.equal(phoneCell('=HYPERLINK("x")'), `'=HYPERLINK("x")`);
    assert.equal(phoneCell('+1+1'), "'+1+1");
    assert.equal(phoneCell(null), '');
  });
  it('writes dates in ISO 8601 with the clinic offset, summer and winter', () => {
    assert.equal(isoWithOffset('2026-07-02T13:05:00.000Z', 'Europe/London'), '2026-07-02T14:05:00+01:00');
    assert.equal(isoWithOffset('2026-01-02T13:05:09.000Z', 'Europe/London'), '2026-01-02T13:05:09+00:00');
    assert.equal(isoWithOffset('2026-01-02T13:05:09.000Z', 'America/New_York'), '2026-01-02T08:05:09-05:00');
  });
});

// Formula-injection neutralisation for CSV cells.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { neutralise } from './csv-export.js';

describe('CSV cells', () => {
  it('prefixes cells a spreadsheet would run as formulas', () => {
    for (const cell of ['=1+1', '+44 7700', '-2', '@SUM(A1)', '\t=1', '\r=1']) assert.equal(neutralise(cell), `'${cell}`);
  });
  it('leaves other text alone', () => {
    for (const cell of ['Pat', '07700 900982', ' =1', '<script>', '']) assert.equal(neutralise(cell), cell);
  });
});

// Tests for reading the configuration: defaults, and refusing bad values with every problem named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, contrastWithWhite, loadConfig, placeholders, telHref } from './config.js';

test('defaults give a working local configuration', () => {
  const c = loadConfig({});
  assert.equal(c.port, 3000);
  assert.equal(c.baseUrl, 'http://localhost:3000');
  assert.equal(c.emergencyNumber, '999');
  assert.deepEqual(c.urgentLine, { name: 'NHS 111', number: '111', url: 'https://111.nhs.uk/' });
  assert.deepEqual(c.corsOrigins, []);
  assert.deepEqual(placeholders(c), { emergencyNumber: '999', urgentLine: 'NHS 111', clinicName: 'Riverside Physiotherapy', clinicPhone: '01632 960 000', bookingUrl: 'https://example.com/book' });
});

test('values from the environment, trimmed and split', () => {
  const c = loadConfig({ PORT: '8080', BASE_URL: 'https://check.example/', CORS_ORIGINS: 'https://a.example, https://b.example', CLINIC_ACCENT_COLOUR: '#7A1F5C', TRUST_PROXY: 'true' });
  assert.equal(c.baseUrl, 'https://check.example');
  assert.deepEqual(c.corsOrigins, ['https://a.example', 'https://b.example']);
  assert.equal(c.clinic.accentColour, '#7a1f5c');
  assert.equal(c.trustProxy, true);
});

test('bad values are refused, each named', () => {
  try {
    loadConfig({ PORT: 'abc', CLINIC_ACCENT_COLOUR: 'blue', CLINIC_BOOKING_URL: 'javascript:alert(1)' });
    assert.fail('should throw');
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    assert.equal(err.problems.length, 3);
  }
  assert.throws(() => loadConfig({ CLINIC_ACCENT_COLOUR: '#ffdd00' }), /too light/);
  assert.throws(() => loadConfig({ CORS_ORIGINS: 'https://a.example/path' }), /not an origin/);
  assert.throws(() => loadConfig({ FRAME_ANCESTORS: "https://a.example; script-src *" }), /FRAME_ANCESTORS/);
});

test('phone numbers become tel: addresses; contrast is measured as WCAG does', () => {
  assert.equal(telHref('01632 960 000'), 'tel:01632960000');
  assert.equal(telHref('+44 (0)1632 960000'), 'tel:+4401632960000');
  assert.ok(Math.abs(contrastWithWhite('#005eb8') - 6.38) < 0.01);
  assert.ok(Math.abs(contrastWithWhite('#000000') - 21) < 0.01);
});

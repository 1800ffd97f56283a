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
  const c = loadConfig({ PORT: '8080', BASE_URL: 'https://check.example/', CORS_ORIGINS: 'https://a.example, https://b.example', CLINIC_ACCENT_COLOUR: '#7A1F5C', TRUST_PROXY: '1' });
  assert.equal(c.baseUrl, 'https://check.example');
  assert.deepEqual(c.corsOrigins, ['https://a.example', 'https://b.example']);
  assert.equal(c.clinic.accentColour, '#7a1f5c');
  assert.equal(c.trustProxy, 1);
});

test('TRUST_PROXY takes a number of proxies or their addresses, never "trust everything"', () => {
  assert.equal(loadConfig({}).trustProxy, false);
  assert.equal(loadConfig({ TRUST_PROXY: 'false' }).trustProxy, false);
  assert.equal(loadConfig({ TRUST_PROXY: '0' }).trustProxy, false);
  assert.equal(loadConfig({ TRUST_PROXY: '1' }).trustProxy, 1);
  assert.equal(loadConfig({ TRUST_PROXY: '2' }).trustProxy, 2);
  assert.deepEqual(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1, fd00::/8' }).trustProxy, ['10.0.0.0/8', '127.0.0.1', '::1', 'fd00::/8']);
  assert.deepEqual(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy, ['loopback']);
  // "true" trusts every X-Forwarded-For address, and the left-most one is written by the client.
  assert.throws(() => loadConfig({ TRUST_PROXY: 'true' }), (err: unknown) =>
    err instanceof ConfigError && /TRUST_PROXY: .*TRUST_PROXY=1/.test(err.message));
  for (const bad of ['10.0.0.0/33', '300.1.1.1', 'proxy.example', '-1', '1.5', 'fd00::/129']) {
    assert.throws(() => loadConfig({ TRUST_PROXY: bad }), /TRUST_PROXY/, bad);
  }
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

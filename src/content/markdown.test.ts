// Tests that article Markdown renders safely and fills placeholders with escaped values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSafeUrl, markdownLinks, rejectedLinks, renderMarkdown, textBlocks, toSentences, UnsafeLinkError } from './markdown.js';
import { EXAMPLE_PLACEHOLDERS, PlaceholderError, fillPlaceholders, placeholdersIn } from './placeholders.js';

const values = EXAMPLE_PLACEHOLDERS;

test('raw HTML is escaped, not passed through', () => {
  const html = renderMarkdown('Hello <script>alert(1)</script> <b onclick="x">b</b>', values);
  assert.ok(!html.includes('<script>'));
  assert.ok(html.includes('&lt;script&gt;'));
  assert.ok(!html.includes('<b '));
});

test('unsafe link schemes do not become links', () => {
  for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x']) {
    const html = renderMarkdown(`[click](${href})`, values);
    assert.ok(!html.includes('<a'), `${href} → ${html}`);
  }
  assert.equal(isSafeUrl('https://example.org'), true);
  assert.equal(isSafeUrl('/articles/sciatica'), true);
  assert.equal(isSafeUrl('tel:0161'), true);
  assert.equal(isSafeUrl(' javascript:x'), false);
});

test('safe links and linkified URLs become links', () => {
  const html = renderMarkdown('See [sciatica](/articles/sciatica) and https://www.nhs.uk/conditions/sciatica/', values);
  assert.match(html, /<a href="\/articles\/sciatica">sciatica<\/a>/);
  assert.match(html, /<a href="https:\/\/www\.nhs\.uk\/conditions\/sciatica\/">/);
});

test('placeholders are filled in text and links', () => {
  const html = renderMarkdown('Call {{emergencyNumber}} now. [Book an appointment]({{bookingUrl}}) or ring {{ clinicPhone }}.', values);
  assert.match(html, /Call 999 now\./);
  assert.match(html, /<a href="https:\/\/clinic\.example\/book">Book an appointment<\/a>/);
  assert.match(html, /ring 0161 496 0000/);
});

test('placeholder values are escaped and cannot add markup', () => {
  const html = renderMarkdown('Welcome to {{clinicName}}. [Book]({{bookingUrl}})', {
    ...values, clinicName: '<img src=x onerror=alert(1)> **bold** [x](javascript:1)', bookingUrl: 'https://a.example/?a=1&b="2"',
  });
  assert.ok(!html.includes('<img'));
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt; **bold**'));
  assert.ok(!html.includes('<strong>'));
  assert.match(html, /href="https:\/\/a\.example\/\?a=1&amp;b=%222%22"/);
});

test('a placeholder that makes an unsafe link is refused', () => {
  assert.throws(() => renderMarkdown('[Book]({{bookingUrl}})', { ...values, bookingUrl: 'javascript:alert(1)' }), UnsafeLinkError);
});

test('an unknown placeholder is an error naming it', () => {
  assert.throws(() => renderMarkdown('Ring {{clinicFax}} or {{ clinic phone }}', values), (err: unknown) => {
    assert.ok(err instanceof PlaceholderError);
    assert.deepEqual(err.names, ['clinicFax', 'clinic phone']);
    return true;
  });
  assert.throws(() => fillPlaceholders('{{toString}}', values), PlaceholderError);
  assert.deepEqual(placeholdersIn('a {{x}} b {{ y }} {{x}}'), ['x', 'y']);
});

test('text blocks separate headings from text and give lines', () => {
  const blocks = textBlocks('## Why it cracks\n\nA **crack** is gas.\n\n- first item\n- second `item`\n');
  assert.deepEqual(blocks.map((b) => [b.kind, b.text, b.line]), [
    ['heading', 'Why it cracks', 1], ['text', 'A crack is gas.', 3], ['text', 'first item', 5], ['text', 'second item', 6],
  ]);
  assert.equal(toSentences(['Why it cracks', 'You can:', 'Move.', 'He said "go."']), 'Why it cracks.\nYou can.\nMove.\nHe said "go."');
});

test('links are listed, and link syntax that did not become a link is reported', () => {
  const md = '[a](/articles/x) [b]({{bookingUrl}})\n\n[c](javascript:alert(1))';
  assert.deepEqual(markdownLinks(md).map((l) => l.href), ['/articles/x', '{{bookingUrl}}']);
  assert.deepEqual(rejectedLinks(md).map((l) => [l.href, l.line]), [['javascript:alert(1', 3]]);
});

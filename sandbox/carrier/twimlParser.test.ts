import { test } from 'node:test';
import assert from 'node:assert/strict';
import { childElements, parseTwiml, textOf, TwimlParseError } from './twimlParser.js';

test('parses the TwiML our API serves for a media stream', () => {
  const twiml = `<?xml version="1.0" encoding="UTF-8"?>
<Response>
  <!-- hand the call to the bridge -->
  <Connect action="https://app.example/after">
    <Stream url="wss://bridge.example/media?x=1&amp;y=2">
      <Parameter name="callId" value="c-1"/>
      <Parameter name='token' value="a&quot;b"/>
    </Stream>
  </Connect>
</Response>`;
  const root = parseTwiml(twiml);
  const [connect] = childElements(root);
  assert.equal(connect.name, 'Connect');
  assert.equal(connect.attributes.action, 'https://app.example/after');
  const [stream] = childElements(connect);
  assert.equal(stream.attributes.url, 'wss://bridge.example/media?x=1&y=2');
  assert.deepEqual(
    childElements(stream).map((parameter) => parameter.attributes),
    [
      { name: 'callId', value: 'c-1' },
      { name: 'token', value: 'a"b' },
    ],
  );
});

test('decodes text, character references and CDATA', () => {
  const root = parseTwiml('<Response><Say voice="alice">Fish &amp; chips &#8364;5 &#x41;<![CDATA[ <raw> ]]></Say></Response>');
  assert.equal(textOf(childElements(root)[0]), 'Fish & chips €5 A <raw>');
});

test('rejects malformed documents with a parse error', () => {
  const broken = [
    '',
    '<Response><Say>hi</Response>',
    '<Response><Say>hi</Say>',
    '<Response a="1" a="2"/>',
    '<Response><Say>AT&T</Say></Response>',
    '<Response/><Response/>',
    '<Hangup/>',
    '<!DOCTYPE x><Response/>',
    '<Response><Pause length=2/></Response>',
  ];
  for (const source of broken) assert.throws(() => parseTwiml(source), TwimlParseError, source);
});

test('accepts self-closing verbs and an empty response', () => {
  assert.deepEqual(parseTwiml('<Response/>').children, []);
  const root = parseTwiml('<Response><Pause length="2"/><Hangup /></Response>');
  assert.deepEqual(
    childElements(root).map((verb) => [verb.name, verb.attributes]),
    [
      ['Pause', { length: '2' }],
      ['Hangup', {}],
    ],
  );
});

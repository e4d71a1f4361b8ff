import { test } from 'node:test';
import assert from 'node:assert/strict';
import twilio from 'twilio';
import { signTwilioRequest } from './webhookSigner.js';

const TOKEN = '12345';

test('signatures validate with the official twilio.validateRequest', () => {
  const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
  const params = { CallSid: 'CA1234567890ABCDE', Caller: '+12349013030', Digits: '1234', From: '+12349013030', To: '+18005551212' };
  assert.ok(twilio.validateRequest(TOKEN, signTwilioRequest(TOKEN, url, params), url, params));
});

test('a URL on a non-default port validates as Twilio signs it', () => {
  const url = 'http://127.0.0.1:5123/status?tenant=7';
  assert.ok(twilio.validateRequest(TOKEN, signTwilioRequest(TOKEN, url, { CallStatus: 'completed' }), url, { CallStatus: 'completed' }));
});

test('a changed parameter, URL or token no longer validates', () => {
  const url = 'https://app.example/status';
  const signature = signTwilioRequest(TOKEN, url, { CallStatus: 'ringing' });
  assert.ok(!twilio.validateRequest(TOKEN, signature, url, { CallStatus: 'completed' }));
  assert.ok(!twilio.validateRequest(TOKEN, signature, 'https://app.example/other', { CallStatus: 'ringing' }));
  assert.ok(!twilio.validateRequest('other-token', signature, url, { CallStatus: 'ringing' }));
});

test('repeated parameters are signed value by value, sorted, as Twilio does', () => {
  const url = 'https://app.example/hook';
  const params = { Event: ['b', 'a'], Sid: 'CA1' };
  assert.equal(signTwilioRequest(TOKEN, url, params), twilio.getExpectedTwilioSignature(TOKEN, url, params));
});

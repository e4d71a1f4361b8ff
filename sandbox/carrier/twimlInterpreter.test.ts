import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConferenceInstruction } from './dialVerb.js';
import { startFakeApplication, type FakeApplication } from './fakeApplication.js';
import { runTwiml, type CallControl, type Notification, type StreamInstruction, type TwimlSource } from './twimlInterpreter.js';

const AUTH_TOKEN = 'twiml-token';
let app: FakeApplication;

before(async () => {
  app = await startFakeApplication(AUTH_TOKEN);
});

after(() => app.close());

/** A call that writes down what the TwiML made it do, in order. */
class ScriptedCall implements CallControl {
  readonly authToken = AUTH_TOKEN;
  readonly actions: string[] = [];
  readonly notifications: Notification[] = [];

  async say(text: string, language: string | undefined) {
    this.actions.push(`say:${text}${language ? `@${language}` : ''}`);
  }
  async pause(seconds: number) {
    this.actions.push(`pause:${seconds}`);
  }
  async playDigits(digits: string) {
    this.actions.push(`digits:${digits}`);
  }
  async connectStream(stream: StreamInstruction) {
    this.actions.push(`stream:${stream.url}:${JSON.stringify(stream.customParameters)}`);
  }
  async joinConference(conference: ConferenceInstruction) {
    this.actions.push(`conference:${conference.name}:muted=${conference.muted}:end=${conference.endConferenceOnExit}:beep=${conference.beep}`);
  }
  requestParams() {
    return { CallSid: 'CA1', CallStatus: 'in-progress' };
  }
  notify(notification: Notification) {
    this.notifications.push(notification);
  }
}

async function run(source: TwimlSource | string) {
  const call = new ScriptedCall();
  const outcome = await runTwiml(typeof source === 'string' ? { kind: 'inline', twiml: source } : source, call, new AbortController().signal);
  return { outcome, call };
}

test('verbs run in order and the end of the document hangs up', async () => {
  const { outcome, call } = await run('<Response><Say loop="2" language="es-MX">Hola</Say><Pause/><Pause length="3"/><Play digits="1w#"/></Response>');
  assert.deepEqual(call.actions, ['say:Hola@es-MX', 'say:Hola@es-MX', 'pause:1', 'pause:3', 'digits:1w#']);
  assert.deepEqual(outcome, { kind: 'hangup' });
});

test('<Hangup> stops the document', async () => {
  const { call } = await run('<Response><Say>one</Say><Hangup/><Say>never</Say></Response>');
  assert.deepEqual(call.actions, ['say:one']);
});

test('<Redirect> fetches the next document, resolving relative URLs against the current one', async () => {
  app.serveTwiml('/flow/first', '<Response><Say>first</Say><Redirect method="GET">second</Redirect><Say>skipped</Say></Response>');
  app.serveTwiml('/flow/second', '<Response><Say>second</Say></Response>');
  const { outcome, call } = await run({ kind: 'url', url: `${app.url}/flow/first`, method: 'POST' });
  assert.deepEqual(call.actions, ['say:first', 'say:second']);
  assert.deepEqual(outcome, { kind: 'hangup' });
  const second = await app.webhook((webhook) => webhook.path === '/flow/second');
  assert.equal(second.method, 'GET');
  assert.ok(second.signatureValid);
});

test('<Connect action> continues with the action URL after the stream ends', async () => {
  app.serveTwiml('/after-stream', '<Response><Say>stream over</Say></Response>');
  const { call } = await run(
    `<Response><Connect action="${app.url}/after-stream"><Stream url="wss://bridge.example/media"><Parameter name="callId" value="7"/></Stream></Connect><Say>not reached</Say></Response>`,
  );
  assert.deepEqual(call.actions, ['stream:wss://bridge.example/media:{"callId":"7"}', 'say:stream over']);
});

test('without an action, the verbs after <Connect> run once the stream ends', async () => {
  const { call } = await run('<Response><Connect><Stream url="ws://127.0.0.1:1/m"/></Connect><Say>after</Say></Response>');
  assert.deepEqual(call.actions, ['stream:ws://127.0.0.1:1/m:{}', 'say:after']);
});

test('invalid TwiML is error 12100, an unreachable document 11200', async () => {
  const invalid = ['<Response><Say>unclosed</Response>', '<Response><Dance/></Response>', '<Response><Pause length="soon"/></Response>', '<Response><Play digits="12x"/></Response>', '<Response><Connect/></Response>'];
  for (const twiml of invalid) {
    const { outcome } = await run(twiml);
    assert.equal(outcome.kind === 'error' && outcome.notification.code, 12100, twiml);
  }
  const { outcome } = await run({ kind: 'url', url: 'http://127.0.0.1:9/nowhere', method: 'POST' });
  assert.equal(outcome.kind === 'error' && outcome.notification.code, 11200);
});

test('<Dial><Conference> joins the room with its attributes, then goes on with the next verb or the action URL', async () => {
  const { call } = await run('<Response><Dial><Conference muted="true" endConferenceOnExit="true" beep="onExit"> support-room </Conference></Dial><Say>left the room</Say></Response>');
  assert.deepEqual(call.actions, ['conference:support-room:muted=true:end=true:beep=onExit', 'say:left the room']);

  app.serveTwiml('/after-conference', '<Response><Say>conference over</Say></Response>');
  const withAction = await run(`<Response><Dial action="${app.url}/after-conference"><Conference>room</Conference></Dial><Say>not reached</Say></Response>`);
  assert.deepEqual(withAction.call.actions, ['conference:room:muted=false:end=false:beep=true', 'say:conference over']);
});

test('<Dial> of a number is skipped with a notification; a malformed <Conference> is 12100', async () => {
  const { call } = await run('<Response><Dial>+15550100100</Dial><Say>after</Say></Response>');
  assert.deepEqual(call.actions, ['say:after']);
  assert.match(call.notifications[0].message, /not supported/);
  for (const twiml of ['<Response><Dial><Conference/></Dial></Response>', '<Response><Dial><Conference muted="yes">r</Conference></Dial></Response>', '<Response><Dial><Conference beep="loud">r</Conference></Dial></Response>']) {
    const { outcome } = await run(twiml);
    assert.equal(outcome.kind === 'error' && outcome.notification.code, 12100, twiml);
  }
});

test('verbs the sandbox does not support yet are skipped with a notification', async () => {
  const { outcome, call } = await run('<Response><Gather/><Say>still here</Say></Response>');
  assert.deepEqual(call.actions, ['say:still here']);
  assert.equal(call.notifications.length, 1);
  assert.deepEqual(outcome, { kind: 'hangup' });
});

test('an aborted run stops before the next verb', async () => {
  const call = new ScriptedCall();
  const controller = new AbortController();
  call.say = async (text: string) => {
    call.actions.push(`say:${text}`);
    controller.abort();
  };
  const outcome = await runTwiml({ kind: 'inline', twiml: '<Response><Say>one</Say><Say>two</Say></Response>' }, call, controller.signal);
  assert.deepEqual(call.actions, ['say:one']);
  assert.deepEqual(outcome, { kind: 'aborted' });
});

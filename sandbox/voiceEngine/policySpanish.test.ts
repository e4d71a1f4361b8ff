import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCallBrief } from './policyBrief.js';
import { lineLanguage } from './policyLanguage.js';
import { spanishIssue } from './policySpanishIssue.js';
import { BILLING, briefFor, called, heard, INTERNET, pressed, replyTo, result, said } from './policyTestCalls.js';

test('tells a Spanish-speaking line from an English one, bilingual greetings included', () => {
  const table: Array<[string[], 'en' | 'es']> = [
    [['Buenas tardes, le atiende Carmen. ¿En qué le puedo ayudar?'], 'es'],
    [['Gracias por llamar. Para facturación, oprima 1.'], 'es'],
    [['Thank you for calling Acme. Para español, oprima 9. For billing, press 1.'], 'en'],
    [['How can I help you today?'], 'en'],
    [[], 'en'],
  ];
  for (const [heardSoFar, language] of table) assert.equal(lineLanguage(heardSoFar), language, heardSoFar.join(' '));
});

test('says the issue in simple Spanish', () => {
  const table: Array<[string, string]> = [
    ['I was charged twice for my October bill and want a refund of the duplicate charge.', 'Me cobraron dos veces y quiero un reembolso.'],
    ['My internet has been down since Monday.', 'El internet no funciona.'],
    ['My package never arrived.', 'Mi pedido no ha llegado.'],
    ['I have a question about my invoice.', 'Tengo un problema con mi factura.'],
    ['Something odd happened.', 'Tengo un problema con mi cuenta.'],
    ['Me cobraron dos veces el internet este mes.', 'Me cobraron dos veces el internet este mes.'],
  ];
  for (const [issue, spanish] of table) assert.equal(spanishIssue(parseCallBrief(briefFor(issue))), spanish, issue);
});

test('answers a Spanish line in Spanish, with the Spanish voice', () => {
  const table: Array<[string, string]> = [
    ['Buenas tardes, le atiende Carmen. ¿En qué le puedo ayudar?', 'Hola, llamo de parte de Jane Doe. Me cobraron dos veces y quiero un reembolso.'],
    ['¿Me puede dar su número de cuenta y su código postal?', 'El número de cuenta es 4417 2290. El código postal es 94107.'],
    ['¿Cuál es su fecha de nacimiento?', 'Lo siento, no tengo la fecha de nacimiento.'],
    ['¿Con quién hablo?', 'Soy un asistente que llama de parte de Jane Doe.'],
    ['Un momento, por favor, déjeme revisar.', 'Claro, no hay problema.'],
  ];
  for (const [line, answer] of table) {
    assert.deepEqual(replyTo(BILLING, heard(line)), { say: answer, toolCalls: [], language: 'es' }, line);
  }
});

test('works a Spanish menu by keys or by saying the option', () => {
  const menu = 'Gracias por llamar a Telefónica Sol. Para facturación, oprima 1. Para soporte técnico, oprima 2. Para hablar con un asesor, marque cero.';
  assert.deepEqual(replyTo(BILLING, heard(menu)).toolCalls, [pressed('1')]);
  assert.deepEqual(replyTo(INTERNET, heard(menu)).toolCalls, [pressed('2')]);
  assert.deepEqual(replyTo(BILLING, heard('Por favor, diga "facturación" o "soporte técnico".')), {
    say: 'facturación',
    toolCalls: [],
    language: 'es',
  });
});

test('reads back a Spanish case number and promise in Spanish', () => {
  const { say, toolCalls, language } = replyTo(BILLING, heard('Su número de caso es S O L 4 4 2 1. Le llamaremos el lunes 7 de diciembre.'));
  assert.equal(say, 'Le repito: S O L 4 4 2 1; una llamada el lunes 7 de diciembre.');
  assert.equal(language, 'es');
  assert.deepEqual(toolCalls, [
    { name: 'record_outcome', arguments: { caseNumber: 'SOL4421', nextSteps: ['Le llamaremos el lunes 7 de diciembre.'], resolved: 'partial' } },
  ]);
});

test('handles refusals, the account holder, voicemail and goodbyes in Spanish', () => {
  assert.equal(replyTo(BILLING, heard('Lo siento, no podemos reembolsar ese cargo.')).say, 'Entiendo. ¿Podría hablar con un supervisor, por favor?');
  const holder = replyTo(BILLING, heard('Necesito hablar con el titular de la cuenta.'));
  assert.equal(holder.say, 'Un momento por favor, voy a comunicar a Jane a la llamada.');
  assert.deepEqual(holder.toolCalls.map((call) => call.name), ['request_user']);
  const voicemail = replyTo(BILLING, heard('Ha llamado a Telefónica Sol. No podemos atender su llamada. Deje su mensaje después del tono.'));
  assert.match(voicemail.say ?? '', /^Hola, soy un asistente que llama de parte de Jane Doe\. Me cobraron dos veces.*devuelva la llamada al 415 555 0142/);
  assert.deepEqual(voicemail.toolCalls, [{ name: 'end_call', arguments: { reason: 'voicemail' } }]);
  const goodbye = replyTo(
    BILLING,
    heard('Su número de caso es 4 4 2 1.'),
    said('Le repito: 4 4 2 1.'),
    called('record_outcome', { caseNumber: '4421' }),
    result,
    heard('¿Hay algo más en que pueda ayudarle?'),
  );
  assert.deepEqual(goodbye, {
    say: 'No, eso es todo. Muchas gracias por su ayuda, adiós.',
    toolCalls: [{ name: 'end_call', arguments: { reason: 'done' } }],
    language: 'es',
  });
});

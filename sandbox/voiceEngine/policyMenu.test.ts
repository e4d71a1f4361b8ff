import { test } from 'node:test';
import assert from 'node:assert/strict';
import { menuOptions } from './policyMenu.js';

/** Options as "digits=label" (keys) or "'keyword'" (speech only), to compare whole menus at a glance. */
const summary = (prompt: string) =>
  menuOptions(prompt).map((option) => (option.digits === null ? `'${option.keyword}'` : `${option.digits}=${option.label}`));

const MENUS: Array<[string, string[]]> = [
  [
    'Thank you for calling Acme. For billing, press 1. For technical support, press 2. To speak with a representative, press 0.',
    ['1=billing', '2=technical support', '0=speak with a representative'],
  ],
  ['Press 1 for billing, 2 for support, or 0 for an operator.', ['1=billing', '2=support', '0=an operator']],
  ['Billing, press 1. Technical support, press 2. All other questions, press 3.', ['1=Billing', '2=Technical support', '3=All other questions']],
  [
    "If you're calling about an outage, press three. For invoices and payments, press four. To hear these options again, press star.",
    ["3=you're calling about an outage", '4=invoices and payments', '*=hear these options again'],
  ],
  ['Press 1 for new orders, press 2 to track a package, press 3 if you want to return an item.', ['1=new orders', '2=track a package', '3=you want to return an item']],
  [
    'Para facturación, oprima 1. Para soporte técnico, marque el 2. Para hablar con un asesor, presione cero.',
    ['1=facturación', '2=soporte técnico', '0=hablar con un asesor'],
  ],
  ['Oprima 1 para pagos, 2 para averías.', ['1=pagos', '2=averías']],
];

test('reads the options of keypad menus however they are worded', () => {
  for (const [prompt, expected] of MENUS) assert.deepEqual(summary(prompt), expected, prompt);
});

test('reads the choices of speech-only menus, quoted or listed', () => {
  const speechMenus: Array<[string, string[]]> = [
    ["Say 'billing' or 'support'.", ["'billing'", "'support'"]],
    ['Please say billing, technical support, or agent.', ["'billing'", "'technical support'", "'agent'"]],
    ['You can say “check my balance” or “speak to an agent”.', ["'check my balance'", "'speak to an agent'"]],
    ['Diga "facturación" o "soporte técnico".', ["'facturación'", "'soporte técnico'"]],
  ];
  for (const [prompt, expected] of speechMenus) assert.deepEqual(summary(prompt), expected, prompt);
});

test('takes an option offered "if so" to be the question just asked', () => {
  assert.deepEqual(summary('Is your question about your most recent bill? If so, press 1. For a bill from an earlier month, press 2.'), [
    '1=Is your question about your most recent bill?',
    '2=a bill from an earlier month',
  ]);
});

test('reads examples of what to say as choices', () => {
  const prompt = "In a few words, tell me why you're calling today. You can say things like billing, my phone isn't working, or cancel my service.";
  assert.deepEqual(summary(prompt), ["'billing'", "'my phone isn't working'", "'cancel my service'"]);
});

test('keeps the spoken keyword of options that take either a key or a word', () => {
  assert.deepEqual(menuOptions('Press or say 3 for claims. For billing, press 1 or say billing.'), [
    { digits: '3', keyword: '3', label: 'claims' },
    { digits: '1', keyword: 'billing', label: 'billing' },
  ]);
});

test('finds no menu in ordinary conversation', () => {
  for (const speech of [
    "I'd say about five business days. Can you say that again?",
    'Thank you for calling Acme Telecom, this is Sam. How can I help you today?',
    'Please enter your account number followed by the pound key.',
    'Let me press on with this for a moment.',
  ]) {
    assert.deepEqual(menuOptions(speech), [], speech);
  }
});

test('lists each key once when a menu is heard twice in one turn', () => {
  const prompt = 'For billing, press 1. For support, press 2.';
  assert.deepEqual(summary(`${prompt} ${prompt}`), ['1=billing', '2=support']);
});

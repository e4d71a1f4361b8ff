import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasWords, rejectsChoice, repeatsEarlierText, soundsLikePerson } from './menuReplyText.js';

test('the ways menus turn a choice down are recognized, in English and Spanish', () => {
  const rejections = [
    "Sorry, that's not a valid option.",
    'That selection is not valid.',
    'Invalid entry.',
    "Sorry, I didn't catch that.",
    "Sorry, we didn't receive your selection.",
    "Sorry, I didn't hear anything.",
    'That prescription number was not found.',
    'I did not understand your response. Please try again.',
    "We're sorry, we were unable to process your request. Goodbye.",
    'Lo siento, esa no es una opción válida.',
    'Lo siento, no recibimos su selección.',
    'Opción no válida. Inténtelo de nuevo.',
  ];
  for (const line of rejections) assert.ok(rejectsChoice(line), line);
});

test('prompts, confirmations, hold messages and greetings are not rejections', () => {
  const others = [
    'To report a new claim, press 1. To check on an existing claim, press 2.',
    'Okay, billing.',
    'Please hold while we transfer your call.',
    'Your call is important to us. Please stay on the line.',
    'Claims department, this is Heather. Before we get started, can I have your policy number?',
    'Para facturación, oprima uno.',
    'Our automated payment system is unavailable right now.',
  ];
  for (const line of others) assert.equal(rejectsChoice(line), false, line);
});

test('a person introducing themselves or offering help sounds like a person; a menu does not', () => {
  assert.ok(soundsLikePerson('Claims department, this is Heather.'));
  assert.ok(soundsLikePerson("Hi, you're speaking with Mark. How can I help you today?"));
  assert.ok(soundsLikePerson('Facturación, le atiende Lucía. ¿En qué puedo ayudarle?'));
  assert.equal(soundsLikePerson('For billing, press 1. For technical support, press 2.'), false);
  assert.equal(soundsLikePerson('Please hold.'), false);
});

test('the prompt said again is a repeat; a new menu reusing "press 1" and "claims" is not', () => {
  const prompt = ['Thank you for calling Granite State Insurance.', 'To report a new claim, press 1. To check on an existing claim, press 2. For policy changes, press 3.'];
  assert.ok(repeatsEarlierText('To report a new claim, press 1. To check on an existing claim, press 2. For policy changes, press 3.', prompt));
  assert.ok(repeatsEarlierText('To report a new claim press one, to check on an existing claim press two', prompt), 'transcribed a little differently');
  assert.equal(repeatsEarlierText('Claims. For auto glass claims, press 1. For collision claims, press 2. To go back, press star.', prompt), false);
  assert.equal(repeatsEarlierText('Press 1.', prompt), false, 'too short to tell');
  assert.equal(repeatsEarlierText('To report a new claim, press 1.', []), false, 'nothing heard before');
});

test('a transcript of noise has no words', () => {
  assert.equal(hasWords(' ... '), false);
  assert.ok(hasWords('Okay.'));
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TranscriptLine } from '../../db/calls.js';
import { companyStatements } from './companySpeech.js';
import { howFarTheCallGot, judgeResolution } from './resolution.js';

const call = (...pairs: Array<[TranscriptLine['speaker'], string]>): TranscriptLine[] =>
  pairs.map(([speaker, text], i) => ({ seq: i + 1, speaker, text, at: '2026-12-03T15:00:00Z' }));
const judge = (transcript: TranscriptLine[], companyPromised = false) =>
  judgeResolution(companyStatements(transcript), howFarTheCallGot(transcript), companyPromised);

describe('how far the call got', () => {
  it('knows a person by their introduction, or by their answering the agent', () => {
    assert.equal(howFarTheCallGot(call(['callee', 'Thanks for calling Brightline, you are speaking with Jasmine.'])), 'person');
    assert.equal(howFarTheCallGot(call(['callee', 'okay I see the account now'], ['agent', 'Great.'], ['callee', 'yeah I can do that for you'])), 'person');
  });

  it('tells voicemail from an automated menu', () => {
    assert.equal(howFarTheCallGot(call(['callee', "Hi, you've reached Greenway. Leave a message after the beep."], ['agent', 'Hello, this is a message.'])), 'voicemail');
    assert.equal(howFarTheCallGot(call(['callee', 'For billing, press 1.'], ['system', 'Pressed 1.'], ['callee', 'Please hold for the next available representative.'])), 'machine');
  });
});

describe('whether the issue was resolved', () => {
  it('says yes when it was done on the call, even with money still on its way', () => {
    assert.equal(judge(call(['callee', 'This is Dana.'], ['callee', "I've gone ahead and refunded it. You should see it within five business days."]), true), 'yes');
    assert.equal(judge(call(['callee', 'Welcome to Metro Gas.'], ['callee', 'Your payment arrangement has been set up. Goodbye.'])), 'yes');
  });

  it('says partial when work is under way, even if something was done too', () => {
    assert.equal(judge(call(['callee', 'This is Marcus.'], ['callee', "I've applied a credit, and I'll need to send a technician."]), true), 'partial');
    assert.equal(judge(call(['callee', 'This is Sam.'], ['callee', 'I have opened a billing case for you.'])), 'partial');
  });

  it('says no when refused or when nobody was reached, and unknown when the call just stopped', () => {
    assert.equal(judge(call(['callee', 'This is Tom.'], ['callee', "I'm not able to cancel memberships over the phone."])), 'no');
    assert.equal(judge(call(['callee', 'Our offices are currently closed. Please call back during business hours.'])), 'no');
    assert.equal(judge(call(['callee', 'This is Mike.'], ['agent', "It's A X 3 3 0 9 1."], ['callee', 'Okay, I see the claim. It looks like the'])), 'unknown');
  });
});

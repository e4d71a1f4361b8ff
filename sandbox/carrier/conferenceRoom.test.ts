import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FRAME_BYTES, MULAW_SILENCE } from '../../common/audio/mulaw.js';
import { ConferenceRoom } from './conferenceRoom.js';

const EVERYONE = { muted: false, startConferenceOnEnter: true, endConferenceOnExit: false };
const voice = (byte: number) => Buffer.alloc(FRAME_BYTES, byte);
const SILENT = voice(MULAW_SILENCE);

function roomOf(...names: string[]) {
  const room = new ConferenceRoom('CF1', 'room', 'AC1');
  return { room, members: names.map((name) => room.join(name, EVERYONE)) };
}

test('each member hears the others, never itself, one tick later', () => {
  const { room, members } = roomOf('a', 'b');
  const [a, b] = members;
  room.say(a, voice(0x10));
  assert.deepEqual(room.hear(b), voice(0x10));
  assert.deepEqual(room.hear(a), SILENT);
});

test('muted members are not heard but hear; held members neither hear nor are heard', () => {
  const { room, members } = roomOf('a', 'b', 'c');
  const [a, b, c] = members;
  room.say(a, voice(0x10));
  room.say(b, voice(0x20));
  a.update({ muted: true });
  assert.deepEqual(room.hear(c), voice(0x20));
  assert.deepEqual(room.hear(a), voice(0x20));
  b.update({ hold: true });
  assert.deepEqual(room.hear(b), SILENT);
  assert.deepEqual(room.hear(c), SILENT);
});

test('until someone who starts the conference joins, it waits and nobody hears anybody', () => {
  const room = new ConferenceRoom('CF1', 'room', 'AC1');
  const early = room.join('early', { ...EVERYONE, startConferenceOnEnter: false });
  const other = room.join('other', { ...EVERYONE, startConferenceOnEnter: false });
  room.say(early, voice(0x10));
  assert.equal(room.status, 'init');
  assert.deepEqual(room.hear(other), SILENT);
  room.join('host', EVERYONE);
  assert.equal(room.status, 'in-progress');
  assert.deepEqual(room.hear(other), voice(0x10));
});

test('the conference ends when the last member leaves, or with a member who ends it on exit', async () => {
  const first = roomOf('a', 'b');
  first.room.leave(first.members[0], 'left');
  assert.equal(first.room.status, 'in-progress');
  first.room.leave(first.members[1], 'kicked');
  assert.equal(first.room.status, 'completed');
  assert.equal(first.room.reasonEnded, 'last-participant-kicked');
  assert.equal(first.room.callSidEndingConference, 'b');

  const second = new ConferenceRoom('CF2', 'room', 'AC1');
  const host = second.join('host', { ...EVERYONE, endConferenceOnExit: true });
  const guest = second.join('guest', EVERYONE);
  second.leave(host, 'left');
  await guest.left;
  assert.equal(second.status, 'completed');
  assert.equal(second.reasonEnded, 'participant-with-end-conference-on-exit-left');
  assert.deepEqual(second.present(), []);
  assert.throws(() => second.join('late', EVERYONE), /has ended/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FRAME_BYTES, MULAW_SILENCE } from '../../common/audio/mulaw.js';
import { ConferenceRoom } from './conferenceRoom.js';

const EVERYONE = { muted: false, startConferenceOnEnter: true, endConferenceOnExit: false, beep: 'false' } as const;
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
  assert.deepEqual(room.hear(b, 0), voice(0x10));
  assert.deepEqual(room.hear(a, 0), SILENT);
});

test('muted members are not heard but hear; held members neither hear nor are heard', () => {
  const { room, members } = roomOf('a', 'b', 'c');
  const [a, b, c] = members;
  room.say(a, voice(0x10));
  room.say(b, voice(0x20));
  a.update({ muted: true });
  assert.deepEqual(room.hear(c, 0), voice(0x20));
  assert.deepEqual(room.hear(a, 0), voice(0x20));
  b.update({ hold: true });
  assert.deepEqual(room.hear(b, 0), SILENT);
  assert.deepEqual(room.hear(c, 0), SILENT);
});

test('until someone who starts the conference joins, it waits and nobody hears anybody', () => {
  const room = new ConferenceRoom('CF1', 'room', 'AC1');
  const early = room.join('early', { ...EVERYONE, startConferenceOnEnter: false });
  const other = room.join('other', { ...EVERYONE, startConferenceOnEnter: false });
  room.say(early, voice(0x10));
  assert.equal(room.status, 'init');
  assert.deepEqual(room.hear(other, 0), SILENT);
  room.join('host', EVERYONE);
  assert.equal(room.status, 'in-progress');
  assert.deepEqual(room.hear(other, 0), voice(0x10));
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

/** How many ticks, from `fromTick`, `member` hears something while everyone is silent. */
function ticksHeard(room: ConferenceRoom, member: ReturnType<ConferenceRoom['join']>, fromTick: number, ticks = 50): number {
  let audible = 0;
  for (let tick = fromTick; tick < fromTick + ticks; tick++) if (!room.hear(member, tick).equals(SILENT)) audible++;
  return audible;
}

test('a member joining with beep on is announced by a short tone everyone hears once; beep="false" joins silently', () => {
  const room = new ConferenceRoom('CF1', 'room', 'AC1');
  const first = room.join('first', EVERYONE);
  const second = room.join('second', EVERYONE);
  room.join('quiet', EVERYONE);
  assert.equal(ticksHeard(room, first, 0), 0);
  room.join('loud', { ...EVERYONE, beep: 'true' });
  const heardByFirst: Buffer[] = [];
  const heardBySecond: Buffer[] = [];
  for (let tick = 100; tick < 150; tick++) {
    heardByFirst.push(room.hear(first, tick));
    heardBySecond.push(room.hear(second, tick));
  }
  const beepTicks = heardByFirst.filter((frame) => !frame.equals(SILENT)).length;
  assert.ok(beepTicks >= 5 && beepTicks <= 25, `the beep lasted ${beepTicks} frames`);
  assert.deepEqual(heardBySecond, heardByFirst, 'members ticking in the same frames hear the same beep');
  assert.equal(ticksHeard(room, first, 200), 0, 'the beep is played once');
});

test('beep="onEnter" and "onExit" beep only on their way in or out', () => {
  const room = new ConferenceRoom('CF1', 'room', 'AC1');
  const host = room.join('host', EVERYONE);
  const arriving = room.join('arriving', { ...EVERYONE, beep: 'onExit' });
  assert.equal(ticksHeard(room, host, 0), 0);
  room.leave(arriving, 'left');
  assert.ok(ticksHeard(room, host, 100) > 0, 'onExit beeps when the member leaves');
  const entering = room.join('entering', { ...EVERYONE, beep: 'onEnter' });
  assert.ok(ticksHeard(room, host, 200) > 0, 'onEnter beeps when the member joins');
  room.leave(entering, 'kicked');
  assert.equal(ticksHeard(room, host, 300), 0);
});

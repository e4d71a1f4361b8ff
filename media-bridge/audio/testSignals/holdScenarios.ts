import { ringback } from './callProgressTones.js';
import { holdMusic, type HoldMusicStyle } from './holdMusic.js';
import { lineNoise, mixInto, samplesIn, seededRandom, toMulaw, type Pcm, type Random } from './pcm.js';
import { speech } from './speech.js';

/**
 * Hold queues as a caller hears them: an intro from the phone system, minutes of hold audio
 * (music, ringback, announcements, queue positions or silence), then a live agent who greets
 * the caller. Everything is generated in memory; the truth (where hold began, where the agent
 * started speaking) comes along for scoring.
 */
export type HoldScenarioKind = 'music-only' | 'announcements' | 'ringback-then-music' | 'position-messages' | 'silence';

export interface HoldScenarioPlan {
  kind: HoldScenarioKind;
  style: HoldMusicStyle;
  musicDbfs: number;
  holdSeconds: number;
  /** Voice of the recorded announcements. */
  systemVoice: string;
  /** Voice of the agent who picks up. */
  agentVoice: string;
  /** Announcements play over quieted music instead of pausing it. */
  duckedAnnouncements?: boolean;
  /** Silence between the end of hold audio and the agent's first word; random 0-800 ms when not given. */
  agentGapMs?: number;
  /** What the agent says first; one of a few greetings when not given. */
  greeting?: string;
  seed: number;
}

export interface HoldScenario {
  name: string;
  audio: Buffer;
  /** Where hold audio begins. */
  holdStartMs: number;
  /** Where the agent starts speaking. */
  pickupOnsetMs: number;
  /** When the phone system said it was putting the caller on hold (the bridge would call holdHinted()). */
  hintAtMs: number | null;
  /** Recorded messages played during hold: where each starts and ends, and its text. */
  messages: Array<{ startMs: number; endMs: number; text: string }>;
}

const INTRO = 'Thank you for calling. All of our representatives are busy. Please hold and your call will be answered in the order it was received.';
const ANNOUNCEMENT = 'Thank you for holding. Your call is important to us. Please stay on the line and the next available representative will be with you shortly.';
const GREETINGS = [
  'Hi, thanks for holding, this is Dana in billing. How can I help you today?',
  'Hello, you are speaking with Mark. May I have your account number please?',
  'Good afternoon, technical support, this is Priya. What can I do for you?',
  'Yes, hello? Sorry about the wait. How can I help?',
  'Thank you for holding, my name is Sam. How can I help you today?',
];
const SPANISH_GREETING = 'Hola, gracias por esperar, le atiende Lucía. ¿En qué puedo ayudarle?';
const FOLLOW_UP = 'Are you still there?';
const LOOP_MS = 64_000;
const LINE_NOISE_DBFS = -62;

export async function buildHoldScenario(plan: HoldScenarioPlan): Promise<HoldScenario> {
  const random = seededRandom(plan.seed);
  const intro = await speech(INTRO, plan.systemVoice);
  const holdStart = samplesIn(500) + intro.length + samplesIn(400);
  const holdLength = samplesIn(plan.holdSeconds * 1000);
  const agentGap = samplesIn(plan.agentGapMs ?? Math.round(random() * 800));
  const greetingText = plan.greeting ?? (plan.agentVoice === 'es' ? SPANISH_GREETING : GREETINGS[plan.seed % GREETINGS.length]);
  const greeting = await speech(greetingText, plan.agentVoice);
  const followUp = await speech(FOLLOW_UP, plan.agentVoice);
  // Synthesized speech starts with 50 ms of silence; the agent's onset is where the sound starts.
  const pickupOnset = holdStart + holdLength + agentGap + samplesIn(50);
  const total = new Float32Array(pickupOnset + greeting.length + samplesIn(2000) + followUp.length + samplesIn(1500));

  mixInto(total, intro, samplesIn(500));
  const messages: HoldScenario['messages'] = [];
  const hold = await holdAudio(plan, holdLength, random, messages);
  mixInto(total, hold, holdStart);
  mixInto(total, greeting, pickupOnset - samplesIn(50));
  mixInto(total, followUp, pickupOnset - samplesIn(50) + greeting.length + samplesIn(2000));
  mixInto(total, lineNoise(total.length / 8, LINE_NOISE_DBFS, random), 0);

  const duck = plan.duckedAnnouncements ? ', ducked' : '';
  const says = plan.greeting ? ` says "${plan.greeting}"` : '';
  return {
    name: `${plan.kind} (${plan.kind === 'silence' ? 'no music' : `${plan.style} ${plan.musicDbfs} dBFS`}${duck}, agent ${plan.agentVoice}${says})`,
    audio: toMulaw(total),
    holdStartMs: holdStart / 8,
    pickupOnsetMs: pickupOnset / 8,
    hintAtMs: plan.kind === 'silence' ? holdStart / 8 : null,
    messages: messages.map((m) => ({ ...m, startMs: m.startMs + holdStart / 8, endMs: m.endMs + holdStart / 8 })),
  };
}

async function holdAudio(plan: HoldScenarioPlan, length: number, random: Random, messages: HoldScenario['messages']): Promise<Pcm> {
  const out = new Float32Array(length);
  if (plan.kind === 'silence') return out;
  let musicFrom = 0;
  if (plan.kind === 'ringback-then-music') {
    const rings = ringback(12_000);
    out.set(rings.subarray(0, Math.min(rings.length, length)));
    musicFrom = rings.length;
  }
  const loop = holdMusic({ style: plan.style, ms: LOOP_MS, levelDbfs: plan.musicDbfs, seed: plan.seed });
  for (let at = musicFrom; at < length; at += loop.length) out.set(loop.subarray(0, Math.min(loop.length, length - at)), at);
  if (plan.kind === 'announcements') {
    await overlayMessages(out, plan, random, 30_000, messages, () => ANNOUNCEMENT);
  }
  if (plan.kind === 'position-messages') {
    let position = 6 + Math.floor(random() * 4);
    await overlayMessages(out, plan, random, 45_000, messages, () => `You are caller number ${Math.max(1, position--)} in the queue. Please continue to hold.`);
  }
  return out;
}

/** Plays a message every `everyMs` (jittered), pausing the music around it or ducking it beneath. */
async function overlayMessages(
  out: Pcm,
  plan: HoldScenarioPlan,
  random: Random,
  everyMs: number,
  messages: HoldScenario['messages'],
  nextText: () => string,
): Promise<void> {
  const pad = samplesIn(300);
  for (let at = samplesIn(15_000 + random() * 10_000); at < out.length - samplesIn(8_000); at += samplesIn(everyMs - 3000 + random() * 6000)) {
    const text = nextText();
    // Hold systems play their messages about as loud as their music.
    const clip = await speech(text, plan.systemVoice, plan.musicDbfs + 2);
    messages.push({ startMs: (at + pad) / 8, endMs: (at + pad + clip.length) / 8, text });
    const end = Math.min(out.length, at + clip.length + 2 * pad);
    const gain = plan.duckedAnnouncements ? 10 ** (-14 / 20) : 0;
    for (let i = at; i < end; i++) out[i] *= gain;
    mixInto(out, clip, at + pad);
  }
}


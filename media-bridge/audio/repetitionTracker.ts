import { BAND_COUNT, type FrameFeatures } from './frameAnalyzer.js';
import { bitErrorRate, errorRatesAround, HASH_BITS, recentErrorRates } from './fingerprintMatch.js';

/** How far back a repeat can be found: 5 minutes of frames (announcements recur every 20-60 s). */
const HISTORY_FRAMES = 15_000;
/** A match must lie at least 2 s back, so a sustained sound does not match itself. */
const MIN_LAG_FRAMES = 100;
/**
 * Frames quieter than this carry no fingerprint: hiss is alike everywhere. Nor do frames far below
 * the recent peak, such as music ducked under an announcement, which differs from one replay to
 * the next while the voice over it does not.
 */
const MIN_LEVEL_DBFS = -50;
const BELOW_PEAK_DB = 15;
/** The recent peak falls 0.1 dB a frame (5 dB a second) once the sound gets quieter. */
const PEAK_DECAY_DB = 0.1;
/** Band energies are averaged over 5 frames (100 ms), which absorbs up to half a frame of misalignment. */
const SMOOTHING_FRAMES = 5;
/** Fingerprint bits compare the spectral slope now with 60 ms ago (Haitsma-Kalker style). */
const SLOPE_GAP_FRAMES = 3;
const RECENT_BANDS_AT = BAND_COUNT;
const SMOOTHED_AT = RECENT_BANDS_AT + SMOOTHING_FRAMES * BAND_COUNT;
const KEY_SHIFT = HASH_BITS - 12;
const MAX_CHAIN_STEPS = 48;
const CANDIDATE_SLOTS = 12;
/** Candidates need this many fingerprint hits at one lag (give or take LAG_TOLERANCE) before they are verified. */
const MIN_VOTES = 2;
const LAG_TOLERANCE = 2;
const VOTE_MEMORY_FRAMES = 50;
const VERIFY_FRAMES = 30;
/**
 * Frames that must match: 400 ms, longer than most phrases a synthetic voice renders identically
 * in any sentence; a near-perfect match (a clean replay) is believed after 240 ms.
 */
const MIN_COMPARABLE = 20;
const QUICK_MIN_COMPARABLE = 12;
const QUICK_CONFIRM_BIT_ERROR = 0.15;
/** A candidate this close after this many frames may well be a replay still being confirmed. */
const SUSPECT_MIN_COMPARABLE = 6;
const SUSPECT_BIT_ERROR = 0.35;
/** A candidate lag is judged on the latest frames that compare, this many of them (ascending). */
const RECENT_COUNTS = Int32Array.of(SUSPECT_MIN_COMPARABLE, QUICK_MIN_COMPARABLE, MIN_COMPARABLE);
/** Bit error rates: a replayed clip measures ~0.07 (0.25 over a different music bed), unrelated audio ~0.5. */
const CONFIRM_BIT_ERROR = 0.25;
const RELEASE_BIT_ERROR = 0.4;
const REJECT_BIT_ERROR = 0.4;
const RELEASE_FRAMES = 8;
/**
 * After a repeat stops matching (a pause over different music, a changed word), the same lag is
 * watched this long (3 s): the clip usually goes on at the same offset, and a short check suffices.
 */
const RESUME_WINDOW_FRAMES = 150;
const RESUME_FRAMES = 10;
const RESUME_BIT_ERROR = 0.25;

/**
 * Notices audio that repeats something heard earlier in the call: the same announcement or music
 * loop played again. Each loud frame gets a 16-bit spectral fingerprint; fingerprints equal to an
 * earlier one (or one bit off) vote for a lag, and a lag with votes is confirmed once the recent
 * frames match at that lag with a low bit error rate (after 240-400 ms of sound). Fixed memory
 * (about 140 KB for five minutes), no allocation per frame.
 */
export class RepetitionTracker {
  private readonly hashes = new Int32Array(HISTORY_FRAMES).fill(-1);
  private readonly chainNext = new Int32Array(HISTORY_FRAMES).fill(-1);
  private readonly heads = new Int32Array(1 << 12).fill(-1);
  /**
   * The band energies summed over the last SMOOTHING_FRAMES frames (at 0), those frames' energies
   * (at RECENT_BANDS_AT), and the sums as they stood at each of the last SLOPE_GAP_FRAMES + 1 frames
   * (at SMOOTHED_AT): one array, because optimized code re-checks every typed array it touches on
   * every loop iteration.
   */
  private readonly smoothing = new Float64Array(SMOOTHED_AT + (SLOPE_GAP_FRAMES + 1) * BAND_COUNT);
  private readonly candidateLag = new Int32Array(CANDIDATE_SLOTS);
  private readonly candidateVotes = new Int32Array(CANDIDATE_SLOTS);
  private readonly candidateSeen = new Int32Array(CANDIDATE_SLOTS).fill(-VOTE_MEMORY_FRAMES);
  /** Scratch for bestLagNear: the rates at lag - 1, lag and lag + 1. */
  private readonly ratesAroundLag = new Float64Array(3);
  /** Scratch for confirmCandidates: the rates over the latest RECENT_COUNTS frames that compare. */
  private readonly recentRates = new Float64Array(RECENT_COUNTS.length);
  private frame = -1;
  private lag = 0;
  private since = -1;
  private quietRun = 0;
  private pausedLag = 0;
  private pausedSince = -1;
  private pausedUntil = -1;
  private nearestErrorRate = 2;
  private suspect = false;
  private recentPeakDbfs = -120;

  /** Whether the latest frame belongs to a confirmed repeat. */
  get repeating(): boolean {
    return this.lag > 0;
  }

  /** Frame index (FrameFeatures.index) where the current repeat began to match, across short breaks; -1 when none. */
  get repeatingSince(): number {
    return this.lag > 0 ? this.since : -1;
  }

  /** Not (yet) a confirmed repeat, but some earlier audio matches what has been heard so far. */
  get suspectsRepeat(): boolean {
    return this.suspect;
  }

  /** How far back the repeated audio was first heard, in frames; 0 when not repeating. */
  get lagFrames(): number {
    return this.lag;
  }

  push(features: FrameFeatures): void {
    const t = ++this.frame;
    const hash = this.fingerprint(features);
    const slot = t % HISTORY_FRAMES;
    this.hashes[slot] = hash;
    this.chainNext[slot] = -1;
    if (hash < 0) {
      this.quietRun++;
    } else {
      this.quietRun = 0;
      if (this.lag === 0) this.vote(t, hash);
      const key = hash >>> KEY_SHIFT;
      this.chainNext[slot] = this.heads[key];
      this.heads[key] = t;
    }
    this.suspect = false;
    if (this.lag > 0) this.followMatch(t);
    else if (!this.resumePausedMatch(t, features.index)) this.confirmCandidates(t, features.index);
  }

  private fingerprint(features: FrameFeatures): number {
    const { smoothing } = this;
    const bands = features.bandLogEnergy;
    const recentRow = RECENT_BANDS_AT + (this.frame % SMOOTHING_FRAMES) * BAND_COUNT;
    const smoothRow = SMOOTHED_AT + (this.frame % (SLOPE_GAP_FRAMES + 1)) * BAND_COUNT;
    const pastRow = SMOOTHED_AT + ((this.frame + 1) % (SLOPE_GAP_FRAMES + 1)) * BAND_COUNT;
    for (let b = 0; b < BAND_COUNT; b++) {
      const sum = smoothing[b] + (bands[b] - smoothing[recentRow + b]);
      smoothing[b] = sum;
      smoothing[recentRow + b] = bands[b];
      smoothing[smoothRow + b] = sum;
    }
    this.recentPeakDbfs = Math.max(features.levelDbfs, this.recentPeakDbfs - PEAK_DECAY_DB);
    const quiet = features.levelDbfs < Math.max(MIN_LEVEL_DBFS, this.recentPeakDbfs - BELOW_PEAK_DB);
    if (quiet || this.frame < SMOOTHING_FRAMES + SLOPE_GAP_FRAMES) return -1;
    let hash = 0;
    let now = smoothing[smoothRow];
    let before = smoothing[pastRow];
    for (let b = 0; b < HASH_BITS; b++) {
      const nextNow = smoothing[smoothRow + b + 1];
      const nextBefore = smoothing[pastRow + b + 1];
      // Branch-free: the bits are as good as random, so a branch would be mispredicted half the time.
      hash |= Number(now - nextNow > before - nextBefore) << b;
      now = nextNow;
      before = nextBefore;
    }
    return hash;
  }

  /** Every earlier frame whose fingerprint is this one or one bit off votes for its lag. */
  private vote(t: number, hash: number): void {
    this.voteFor(t, hash);
    for (let b = 0; b < HASH_BITS; b++) this.voteFor(t, hash ^ (1 << b));
  }

  private voteFor(t: number, hash: number): void {
    const oldest = t - HISTORY_FRAMES + 1;
    let steps = 0;
    for (let at = this.heads[hash >>> KEY_SHIFT]; at >= oldest && steps < MAX_CHAIN_STEPS; steps++) {
      const slot = at % HISTORY_FRAMES;
      if (this.hashes[slot] === hash && t - at >= MIN_LAG_FRAMES) this.addVote(t, t - at);
      at = this.chainNext[slot];
    }
  }

  private addVote(t: number, lag: number): void {
    const { candidateLag, candidateVotes, candidateSeen } = this;
    let weakest = 0;
    for (let c = 0; c < CANDIDATE_SLOTS; c++) {
      const fresh = t - candidateSeen[c] < VOTE_MEMORY_FRAMES;
      if (fresh && Math.abs(candidateLag[c] - lag) <= LAG_TOLERANCE) {
        candidateVotes[c]++;
        candidateSeen[c] = t;
        return;
      }
      const score = fresh ? candidateVotes[c] : -1;
      const weakestScore = t - candidateSeen[weakest] < VOTE_MEMORY_FRAMES ? candidateVotes[weakest] : -1;
      if (score < weakestScore) weakest = c;
    }
    candidateLag[weakest] = lag;
    candidateVotes[weakest] = 1;
    candidateSeen[weakest] = t;
  }

  private confirmCandidates(t: number, index: number): void {
    let bestLag = 0;
    let bestRate = 2;
    for (let c = 0; c < CANDIDATE_SLOTS; c++) {
      if (t - this.candidateSeen[c] >= VOTE_MEMORY_FRAMES || this.candidateVotes[c] < MIN_VOTES) continue;
      let plausible = false;
      for (let lag = this.candidateLag[c] - LAG_TOLERANCE; lag <= this.candidateLag[c] + LAG_TOLERANCE; lag++) {
        if (lag < MIN_LAG_FRAMES || lag >= HISTORY_FRAMES - VERIFY_FRAMES) continue;
        // Each over the latest frames that compare: few, more, and enough to confirm.
        recentErrorRates(this.hashes, t, lag, RECENT_COUNTS, VERIFY_FRAMES, this.recentRates);
        const full = this.recentRates[2];
        if (full > 1 || full <= REJECT_BIT_ERROR) plausible = true;
        if (this.recentRates[0] > SUSPECT_BIT_ERROR) continue;
        this.suspect = true;
        // Judged on the latest frames only: what played before the replay began never matches.
        const quick = this.recentRates[1];
        const rate = full <= CONFIRM_BIT_ERROR ? full : quick <= QUICK_CONFIRM_BIT_ERROR ? quick : 2;
        if (rate < bestRate) {
          bestLag = lag;
          bestRate = rate;
        }
      }
      // A lag that plainly does not match (say a music loop under a voice) gives its slot up first.
      if (!plausible) this.candidateVotes[c] = 0;
    }
    if (bestLag === 0) return;
    this.lag = bestLag;
    this.since = index - VERIFY_FRAMES + 1;
    this.suspect = false;
    this.candidateSeen.fill(-VOTE_MEMORY_FRAMES);
  }

  /** Keeps a confirmed repeat while it still matches; a replay may drift by a frame, so neighbours count. */
  private followMatch(t: number): void {
    if (this.quietRun >= VERIFY_FRAMES) {
      this.release();
      return;
    }
    const lag = this.bestLagNear(t, this.lag);
    // Too few loud frames to judge: a pause within the repeated clip.
    if (lag === 0) return;
    // The long window confirms; the short one notices within ~150 ms that the replay has ended.
    const recentRate = bitErrorRate(this.hashes, t, lag, RELEASE_FRAMES, RELEASE_FRAMES - 2);
    if (this.nearestErrorRate > RELEASE_BIT_ERROR || (recentRate <= 1 && recentRate > RELEASE_BIT_ERROR)) this.release();
    else this.lag = lag;
  }

  private release(): void {
    this.pausedLag = this.lag;
    this.pausedSince = this.since;
    this.pausedUntil = this.frame + RESUME_WINDOW_FRAMES;
    this.lag = 0;
    this.since = -1;
  }

  private resumePausedMatch(t: number, index: number): boolean {
    if (this.pausedLag === 0 || t > this.pausedUntil) return false;
    let lag = 0;
    for (let candidate = this.pausedLag - 1; candidate <= this.pausedLag + 1 && lag === 0; candidate++) {
      if (bitErrorRate(this.hashes, t, candidate, RESUME_FRAMES, RESUME_FRAMES - 2) <= RESUME_BIT_ERROR) lag = candidate;
    }
    if (lag === 0) return false;
    // The same replay going on: it still began where it first matched.
    this.lag = lag;
    this.since = this.pausedSince;
    this.pausedLag = 0;
    return true;
  }

  /** The lag within a frame of `lag` that matches best (its rate in nearestErrorRate), or 0 if none compares well enough. */
  private bestLagNear(t: number, lag: number): number {
    const rates = this.ratesAroundLag;
    errorRatesAround(this.hashes, t, lag, VERIFY_FRAMES, MIN_COMPARABLE, rates);
    let best = 0;
    this.nearestErrorRate = 2;
    for (let candidate = lag - 1; candidate <= lag + 1; candidate++) {
      if (candidate < MIN_LAG_FRAMES || candidate >= HISTORY_FRAMES - VERIFY_FRAMES) continue;
      const rate = rates[candidate - lag + 1];
      if (rate < this.nearestErrorRate) {
        this.nearestErrorRate = rate;
        best = candidate;
      }
    }
    return this.nearestErrorRate <= 1 ? best : 0;
  }
}

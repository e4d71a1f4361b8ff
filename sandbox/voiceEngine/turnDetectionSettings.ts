// Maps the session's turn_detection settings onto the sandbox's energy-based TurnDetector.
import type { TurnDetectorOptions } from '../speech/turnDetector.js';
import type { TurnDetection } from './sessionConfig.js';

// OpenAI's threshold is a 0..1 sensitivity knob (higher = needs louder audio). 0.5 maps to the
// detector's default (-58 dBFS, just under espeak's quietest speech); each 0.1 is 2.4 dB.
const DEFAULT_THRESHOLD_DBFS = -58;
const DB_PER_UNIT = 24;

const SILENCE_BY_EAGERNESS = { high: 250, medium: 500, auto: 500, low: 1000 } as const;

export function turnDetectorOptions(turnDetection: TurnDetection): TurnDetectorOptions {
  if (turnDetection.type === 'semantic_vad') {
    return { silenceDurationMs: SILENCE_BY_EAGERNESS[turnDetection.eagerness ?? 'auto'] };
  }
  return {
    thresholdDbfs: DEFAULT_THRESHOLD_DBFS + ((turnDetection.threshold ?? 0.5) - 0.5) * DB_PER_UNIT,
    prefixPaddingMs: turnDetection.prefix_padding_ms,
    silenceDurationMs: turnDetection.silence_duration_ms,
  };
}

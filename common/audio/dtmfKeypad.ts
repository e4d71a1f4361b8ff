// The DTMF keypad (ITU-T Q.23): each key is one row tone plus one column tone.
export const DTMF_ROW_HZ = [697, 770, 852, 941] as const;
export const DTMF_COLUMN_HZ = [1209, 1336, 1477, 1633] as const;
export const DTMF_KEYS = ['123A', '456B', '789C', '*0#D'] as const;

/** The key at a row and column of the keypad. */
export function keyAt(row: number, column: number): string {
  return DTMF_KEYS[row][column];
}

/** [row Hz, column Hz] of a key; throws for anything that is not on the keypad. */
export function frequenciesOfKey(key: string): [number, number] {
  const row = DTMF_KEYS.findIndex((keys) => keys.includes(key));
  if (key.length !== 1 || row < 0) throw new Error(`not a DTMF key: ${key}`);
  return [DTMF_ROW_HZ[row], DTMF_COLUMN_HZ[DTMF_KEYS[row].indexOf(key)]];
}

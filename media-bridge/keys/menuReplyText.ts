// What a phone menu's words say about a key press just made: rejected ("that's not a valid option"),
// ignored (the same prompt again), or taken (anything new, a person greeting us). English and Spanish,
// the languages the agent calls in.

const INVALID = [
  /\bnot (?:a )?valid\b/,
  /\binvalid\b/,
  /\bnot (?:be )?(?:found|recogni[sz]ed)\b/,
  /\b(?:didn'?t|did not|couldn'?t|could not|can'?t|cannot) (?:get|catch|understand|recogni[sz]e|receive|hear|find|accept)\b/,
  /\b(?:unable|not able) to (?:process|understand|recogni[sz]e|complete)\b/,
  /\btry (?:that )?again\b/,
  /\bno es (?:una )?(?:opcion|seleccion) valida\b/,
  /\b(?:opcion|seleccion) (?:no valida|invalida|incorrecta)\b/,
  /\bno (?:le )?(?:entendi|entendimos|recibimos|escuchamos|pudimos)\b/,
  /\bintentelo (?:de nuevo|otra vez)\b/,
];

const PERSON = [
  /\bthis is [a-z]+\b/,
  /\bmy name is\b/,
  /\byou(?:'re| are) speaking (?:with|to)\b/,
  /\bhow (?:can|may|could) i (?:help|assist)\b/,
  /\bwhat can i do for you\b/,
  /\ble atiende\b/,
  /\bmi nombre es\b/,
  /\ben que (?:le )?puedo (?:ayudar|servir)\b/,
];

/** Lower case, accents off, apostrophes straight: "Opción no válida" -> "opcion no valida". */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[‘’]/g, "'").toLowerCase();
}

function words(text: string): string[] {
  return folded(text).match(/[a-z0-9']+/g) ?? [];
}

/** The menu turned the choice down, or did not get it. */
export function rejectsChoice(text: string): boolean {
  const clean = folded(text);
  return INVALID.some((pattern) => pattern.test(clean));
}

/** A live person introducing themselves or offering help. */
export function soundsLikePerson(text: string): boolean {
  const clean = folded(text);
  return PERSON.some((pattern) => pattern.test(clean));
}

/** Word pairs below this share are new words: menus reuse "press 1" and "for billing", not whole sentences. */
const REPEATED_PAIR_SHARE = 0.6;
/** Too few words to tell a repeat from a menu that reuses a phrase. */
const MIN_WORDS = 4;

/** The line mostly repeats what was said in `earlier` (the prompt heard before the press). */
export function repeatsEarlierText(text: string, earlier: readonly string[]): boolean {
  const now = words(text);
  if (now.length < MIN_WORDS) return false;
  const known = new Set<string>();
  for (const line of earlier) {
    const before = words(line);
    for (let i = 1; i < before.length; i++) known.add(`${before[i - 1]} ${before[i]}`);
  }
  let repeated = 0;
  for (let i = 1; i < now.length; i++) if (known.has(`${now[i - 1]} ${now[i]}`)) repeated++;
  return repeated / (now.length - 1) >= REPEATED_PAIR_SHARE;
}

/** Whether the line has any words at all (transcription of noise can come back empty or as "..."). */
export function hasWords(text: string): boolean {
  return words(text).length > 0;
}

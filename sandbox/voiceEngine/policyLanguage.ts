// Which language the line speaks. The brief is always English; a Spanish-speaking line is answered in
// simple Spanish, with the Spanish voice.
import { words } from './policySentences.js';

export type Language = 'en' | 'es';

const SPANISH = new Set(
  (
    'el la los las de del que para por favor usted su sus es esta estan gracias llamada cuenta numero hola ' +
    'oprima marque presione pulse diga espere momento ayudarle puedo le lo con una uno en nuestro nuestros ' +
    'buenos buenas dias tardes senor senora si mensaje despues tono'
  ).split(' '),
);
const ENGLISH = new Set(
  (
    'the to for you your please press is are of and thank thanks calling call this that we our can with hello ' +
    'number account help today be will on in it i my'
  ).split(' '),
);
// Recent turns decide, so a bilingual greeting ("Para español, oprima 2") does not flip the call.
const RECENT_TURNS = 3;

export function lineLanguage(heardSoFar: readonly string[]): Language {
  let spanish = 0;
  let english = 0;
  for (const text of heardSoFar.slice(-RECENT_TURNS)) {
    for (const word of words(text)) {
      if (SPANISH.has(word)) spanish++;
      if (ENGLISH.has(word)) english++;
    }
  }
  return spanish > english ? 'es' : 'en';
}

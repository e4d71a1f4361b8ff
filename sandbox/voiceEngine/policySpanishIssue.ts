// The issue said in simple Spanish. Briefs are usually English and the engine has no translator, so the
// common kinds of complaint are recognised and said in stock phrases; anything else by department.
import type { CallBrief } from './policyBrief.js';
import { lineLanguage } from './policyLanguage.js';
import { mainTopic, needOf, type Topic } from './policyTopics.js';

const COMPLAINTS: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:charged|billed) (?:me )?twice\b|\bdouble[- ]?(?:charged|billed|charge)\b|\bduplicate (?:charge|payment)\b/i, 'me cobraron dos veces'],
  [/\bovercharg|\b(?:wrong|incorrect) (?:amount|charge|bill)\b/i, 'hay un cobro incorrecto en mi factura'],
  [/\b(?:internet|wi-?fi|connection)\b.*\b(?:down|not working|isn't working|stopped working|outage|keeps dropping|slow)\b/i, 'el internet no funciona'],
  [/\b(?:router|modem)\b/i, 'tengo un problema con el router'],
  [/\bflight\b.*\bcancel+ed\b|\bcancel+ed\b.*\bflight\b/i, 'cancelaron mi vuelo'],
  [/\b(?:package|order|delivery|parcel)\b.*\b(?:never|not|hasn't|has not|didn't)\b.*\b(?:arrived|received|delivered|come)\b/i, 'mi pedido no ha llegado'],
  [/\bcancel\b/i, 'quiero cancelar un servicio'],
  [/\brefund\b/i, 'quiero un reembolso'],
  [/\bcredit\b/i, 'quiero un crédito en mi cuenta'],
];

const BY_TOPIC: Record<Topic, string> = {
  billing: 'tengo un problema con mi factura',
  technical: 'tengo un problema técnico con el servicio',
  cancel: 'quiero cancelar un servicio',
  account: 'tengo una consulta sobre mi cuenta',
  orders: 'tengo un problema con un pedido',
  sales: 'quiero información sobre un servicio',
  travel: 'tengo un problema con una reserva',
  claims: 'tengo una consulta sobre un reclamo',
  appointments: 'necesito cambiar una cita',
};

/** "Me cobraron dos veces y quiero un reembolso." */
export function spanishIssue(brief: CallBrief | null): string {
  // A brief written in Spanish already says it best.
  if (brief?.issue && lineLanguage([brief.issue]) === 'es') return brief.issue;
  const text = `${brief?.issue ?? ''} ${brief?.goal ?? ''}`;
  const said = COMPLAINTS.filter(([pattern]) => pattern.test(text)).map(([, phrase]) => phrase);
  const clauses = [...new Set(said)].slice(0, 2);
  if (clauses.length === 0) {
    const topic = mainTopic(needOf(brief));
    clauses.push(topic ? BY_TOPIC[topic] : 'tengo un problema con mi cuenta');
  }
  const sentence = clauses.join(' y ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

// What a piece of text is about, in the coarse departments customer-service lines are organised by,
// so a menu option ("For invoices and payments") can be matched to the brief ("charged twice").
import type { CallBrief } from './policyBrief.js';
import { words } from './policySentences.js';

export type Topic =
  | 'billing'
  | 'technical'
  | 'cancel'
  | 'account'
  | 'orders'
  | 'sales'
  | 'travel'
  | 'claims'
  | 'appointments';

// Words (accents folded, lower case) that place a text in a department, English and Spanish.
const TOPIC_WORDS: Record<Topic, readonly string[]> = {
  billing: [
    'bill', 'bills', 'billing', 'billed', 'charge', 'charges', 'charged', 'overcharge', 'overcharged', 'invoice', 'invoices',
    'payment', 'payments', 'pay', 'paid', 'refund', 'refunds', 'refunded', 'credit', 'credits', 'fee', 'fees', 'statement',
    'balance', 'duplicate', 'factura', 'facturas', 'facturacion', 'cobro', 'cobros', 'cobraron', 'cargo', 'cargos', 'pago',
    'pagos', 'reembolso', 'reembolsos', 'credito', 'saldo',
  ],
  technical: [
    'technical', 'tech', 'support', 'troubleshoot', 'troubleshooting', 'internet', 'wifi', 'router', 'modem', 'outage',
    'outages', 'down', 'connection', 'connectivity', 'repair', 'repairs', 'broken', 'slow', 'signal', 'equipment', 'working',
    'device', 'tecnico', 'tecnica', 'soporte', 'averia', 'averias', 'falla', 'fallas', 'conexion', 'senal', 'enrutador',
    'reparacion', 'funciona',
  ],
  cancel: ['cancel', 'cancellation', 'cancellations', 'cancelling', 'canceling', 'disconnect', 'terminate', 'cancelar', 'cancelacion', 'baja'],
  account: ['account', 'accounts', 'profile', 'password', 'login', 'username', 'address', 'cuenta', 'perfil', 'contrasena'],
  orders: [
    'order', 'orders', 'delivery', 'deliveries', 'shipping', 'shipment', 'package', 'parcel', 'tracking', 'return', 'returns',
    'pedido', 'pedidos', 'envio', 'entrega', 'paquete', 'devolucion',
  ],
  sales: ['sales', 'purchase', 'buy', 'upgrade', 'upgrades', 'ventas', 'comprar', 'contratar'],
  travel: [
    'flight', 'flights', 'booking', 'bookings', 'reservation', 'reservations', 'rebook', 'itinerary', 'baggage', 'luggage',
    'vuelo', 'vuelos', 'reserva', 'reservas', 'equipaje',
  ],
  claims: ['claim', 'claims', 'insurance', 'accident', 'siniestro', 'siniestros', 'reclamo', 'reclamos'],
  appointments: ['appointment', 'appointments', 'schedule', 'reschedule', 'cita', 'citas'],
};

const TOPIC_OF = new Map<string, Topic>(
  (Object.entries(TOPIC_WORDS) as [Topic, readonly string[]][]).flatMap(([topic, list]) => list.map((word) => [word, topic] as const)),
);

// Words too common in briefs and prompts to say anything about a department.
const STOPWORDS = new Set(
  (
    'a an the and or of to for in on at by with from my your our i we you it is are was be been have has had want would like ' +
    'get least case number next steps issue problem resolved help call calling please about this that me if not no any ' +
    'speak talk question questions inquiry inquiries information info other service customer new existing current ' +
    'de la el los las y o para por con un una su mi es en que del al'
  ).split(' '),
);

function topicsOf(text: string): Map<Topic, number> {
  const counts = new Map<Topic, number>();
  for (const word of words(text)) {
    const topic = TOPIC_OF.get(word);
    if (topic) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  }
  return counts;
}

// Words menus and briefs use for the same thing ("your most recent bill" / "my last bill").
const SYNONYMS: Record<string, string> = { last: 'recent', latest: 'recent', current: 'recent', previous: 'earlier', prior: 'earlier', older: 'earlier' };
const stem = (word: string) => (SYNONYMS[word] ?? word).replace(/(?:ing|ed|es|s)$/, '');

function contentStems(text: string): Set<string> {
  return new Set(words(text).filter((word) => word.length > 2 && !STOPWORDS.has(word)).map(stem));
}

/** What the customer wants, as the menu matcher sees it: departments with weights, and content words. */
export interface Need {
  topics: Map<Topic, number>;
  stems: Set<string>;
}

export function needOf(brief: CallBrief | null): Need {
  const text = `${brief?.issue ?? ''} ${brief?.goal ?? ''}`;
  return { topics: topicsOf(text), stems: contentStems(brief?.issue ?? '') };
}

/** How well `label` fits the need: 0 = unrelated; shared departments weigh more than shared words. */
export function relevance(label: string, need: Need): number {
  let score = 0;
  for (const topic of topicsOf(label).keys()) score += need.topics.get(topic) ?? 0;
  for (const labelStem of contentStems(label)) if (need.stems.has(labelStem)) score += 0.5;
  return score;
}

/** The department the need is mostly about, if any. */
export function mainTopic(need: Need): Topic | null {
  let best: Topic | null = null;
  for (const [topic, weight] of need.topics) if (best === null || weight > (need.topics.get(best) ?? 0)) best = topic;
  return best;
}

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { outcomeSchema } from '../../common/outcome.js';
import { loadOutcomeFixtures } from './fixtureCorpus.js';
import { modelOutcomeSchema, outcomeResponseFormat } from './outcomeResponseFormat.js';
import { extractOutcomeByRules } from './ruleBasedExtractor.js';

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  [keyword: string]: unknown;
};

// Keywords structured outputs accept in strict mode (the subset this schema may use).
const STRICT_KEYWORDS = new Set(['$schema', 'type', 'enum', 'properties', 'required', 'additionalProperties', 'items', 'description']);

/** Just enough of JSON Schema to check the keywords above, the way the API applies them. */
function conforms(value: unknown, schema: JsonSchema): boolean {
  const types = [schema.type ?? []].flat();
  const typeOf = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  if (types.length && !types.includes(typeOf) && !(typeOf === 'number' && types.includes('integer') && Number.isInteger(value))) return false;
  if (schema.enum && !schema.enum.includes(value)) return false;
  if (typeOf === 'array' && schema.items) return (value as unknown[]).every((v) => conforms(v, schema.items!));
  if (typeOf === 'object' && schema.properties) {
    const record = value as Record<string, unknown>;
    if (!(schema.required ?? []).every((k) => k in record)) return false;
    if (schema.additionalProperties === false && Object.keys(record).some((k) => !(k in schema.properties!))) return false;
    return Object.entries(record).every(([k, v]) => !schema.properties![k] || conforms(v, schema.properties![k]));
  }
  return true;
}

function* nodes(schema: JsonSchema, path = '$'): Generator<[string, JsonSchema]> {
  yield [path, schema];
  for (const [k, child] of Object.entries(schema.properties ?? {})) yield* nodes(child, `${path}.${k}`);
  if (schema.items) yield* nodes(schema.items, `${path}[]`);
}

const jsonSchema = outcomeResponseFormat().json_schema.schema as JsonSchema;
const samples = loadOutcomeFixtures().map((f) => {
  const { confirmedFields: _confirmed, ...modelOutput } = extractOutcomeByRules(f.input);
  return modelOutput;
});

describe('the structured-outputs schema for the extraction model', () => {
  it('is a strict json_schema response format', () => {
    const format = outcomeResponseFormat();
    assert.equal(format.type, 'json_schema');
    assert.equal(format.json_schema.strict, true);
    assert.equal(format.json_schema.name, 'call_outcome');
  });

  it('meets strict mode: closed objects, every property required, only supported keywords', () => {
    for (const [path, node] of nodes(jsonSchema)) {
      for (const keyword of Object.keys(node)) assert.ok(STRICT_KEYWORDS.has(keyword), `${path} uses "${keyword}"`);
      if (node.properties) {
        assert.equal(node.additionalProperties, false, `${path} is open`);
        assert.deepEqual([...(node.required ?? [])].sort(), Object.keys(node.properties).sort(), `${path} has optional properties`);
      }
    }
  });

  it('asks for every stored field except the confirmed ones, which only the call supplies', () => {
    const stored = Object.keys(outcomeSchema.shape).filter((k) => k !== 'confirmedFields').sort();
    assert.deepEqual(Object.keys(jsonSchema.properties ?? {}).sort(), stored);
  });

  it('accepts and rejects the same outcomes as the zod schema', () => {
    const variants = samples.flatMap((s) => [
      s,
      { ...s, caseNumber: null },
      { ...s, followUp: { ...s.followUp, when: null, reason: null } },
      { ...s, resolved: 'maybe' },
      { ...s, summary: null },
      { ...s, amounts: [{ value: '12.50', currency: 'USD', context: '' }] },
      { ...s, promisedActions: [{ action: 'call', who: 'Acme' }] },
      { ...s, confirmedFields: [] },
      Object.fromEntries(Object.entries(s).filter(([k]) => k !== 'dates')),
    ]);
    for (const variant of variants) {
      assert.equal(conforms(variant, jsonSchema), modelOutcomeSchema.strict().safeParse(variant).success, JSON.stringify(variant).slice(0, 200));
    }
    assert.ok(samples.every((s) => conforms(s, jsonSchema)), 'a rule-based outcome does not fit the model schema');
  });
});

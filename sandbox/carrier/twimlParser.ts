/**
 * A small, strict XML parser for TwiML documents: elements, attributes, text, the predefined and
 * numeric entities, CDATA, comments and the XML declaration. No DTDs, no namespaces beyond keeping the
 * qualified name. Anything malformed throws a TwimlParseError (Twilio answers those with error 12100).
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

export class TwimlParseError extends Error {}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&([^;\s&]*);?/g, (match, entity: string) => {
    if (!match.endsWith(';')) throw new TwimlParseError(`unterminated entity "${match}"`);
    if (entity in NAMED_ENTITIES) return NAMED_ENTITIES[entity];
    const numeric = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(entity);
    if (!numeric) throw new TwimlParseError(`unknown entity "&${entity};"`);
    const codePoint = numeric[1].startsWith('x') ? parseInt(numeric[1].slice(1), 16) : parseInt(numeric[1], 10);
    if (codePoint > 0x10ffff) throw new TwimlParseError(`invalid character reference "&${entity};"`);
    return String.fromCodePoint(codePoint);
  });
}

class XmlReader {
  private position = 0;

  constructor(private readonly source: string) {}

  parseDocument(): XmlElement {
    this.skipProlog();
    if (!this.source.startsWith('<', this.position)) throw this.error('expected a root element');
    const root = this.parseElement();
    this.skipMisc();
    if (this.position < this.source.length) throw this.error('content after the root element');
    return root;
  }

  private skipProlog(): void {
    if (this.source.charCodeAt(0) === 0xfeff) this.position = 1;
    this.skipWhitespace();
    if (this.source.startsWith('<?xml', this.position)) this.skipPast('?>');
    this.skipMisc();
    if (this.source.startsWith('<!DOCTYPE', this.position)) throw this.error('DOCTYPE is not allowed');
  }

  private skipMisc(): void {
    for (;;) {
      this.skipWhitespace();
      if (this.source.startsWith('<!--', this.position)) this.skipPast('-->');
      else if (this.source.startsWith('<?', this.position)) this.skipPast('?>');
      else return;
    }
  }

  private parseElement(): XmlElement {
    this.position++; // '<'
    const name = this.readName();
    const attributes: Record<string, string> = {};
    for (;;) {
      const hadSpace = this.skipWhitespace();
      if (this.source.startsWith('/>', this.position)) {
        this.position += 2;
        return { name, attributes, children: [] };
      }
      if (this.source.startsWith('>', this.position)) {
        this.position++;
        break;
      }
      if (!hadSpace) throw this.error(`malformed tag <${name}>`);
      const attribute = this.readName();
      this.skipWhitespace();
      this.expect('=');
      this.skipWhitespace();
      if (attribute in attributes) throw this.error(`duplicate attribute "${attribute}"`);
      attributes[attribute] = this.readQuoted();
    }
    return { name, attributes, children: this.parseContent(name) };
  }

  private parseContent(parentName: string): XmlNode[] {
    const children: XmlNode[] = [];
    let text = '';
    const flushText = () => {
      if (text) children.push(decodeEntities(text));
      text = '';
    };
    for (;;) {
      if (this.position >= this.source.length) throw this.error(`<${parentName}> is not closed`);
      if (this.source.startsWith('</', this.position)) {
        flushText();
        this.position += 2;
        const closing = this.readName();
        this.skipWhitespace();
        this.expect('>');
        if (closing !== parentName) throw this.error(`</${closing}> closes <${parentName}>`);
        return children;
      }
      if (this.source.startsWith('<!--', this.position)) {
        this.skipPast('-->');
      } else if (this.source.startsWith('<![CDATA[', this.position)) {
        flushText();
        const end = this.source.indexOf(']]>', this.position);
        if (end < 0) throw this.error('unterminated CDATA section');
        children.push(this.source.slice(this.position + 9, end));
        this.position = end + 3;
      } else if (this.source.startsWith('<', this.position)) {
        flushText();
        children.push(this.parseElement());
      } else {
        const next = this.source.indexOf('<', this.position);
        const end = next < 0 ? this.source.length : next;
        text += this.source.slice(this.position, end);
        this.position = end;
      }
    }
  }

  private readName(): string {
    NAME.lastIndex = this.position;
    const match = NAME.exec(this.source);
    if (!match) throw this.error('expected a name');
    this.position += match[0].length;
    return match[0];
  }

  private readQuoted(): string {
    const quote = this.source[this.position];
    if (quote !== '"' && quote !== "'") throw this.error('expected a quoted attribute value');
    const end = this.source.indexOf(quote, this.position + 1);
    if (end < 0) throw this.error('unterminated attribute value');
    const raw = this.source.slice(this.position + 1, end);
    if (raw.includes('<')) throw this.error('"<" inside an attribute value');
    this.position = end + 1;
    return decodeEntities(raw);
  }

  private skipWhitespace(): boolean {
    const start = this.position;
    while (/\s/.test(this.source[this.position] ?? '')) this.position++;
    return this.position > start;
  }

  private skipPast(terminator: string): void {
    const end = this.source.indexOf(terminator, this.position);
    if (end < 0) throw this.error(`missing "${terminator}"`);
    this.position = end + terminator.length;
  }

  private expect(literal: string): void {
    if (!this.source.startsWith(literal, this.position)) throw this.error(`expected "${literal}"`);
    this.position += literal.length;
  }

  private error(message: string): TwimlParseError {
    return new TwimlParseError(`${message} at offset ${this.position}`);
  }
}

export function parseXml(source: string): XmlElement {
  return new XmlReader(source).parseDocument();
}

/** Parses a TwiML document; its root must be <Response>. */
export function parseTwiml(source: string): XmlElement {
  const root = parseXml(source);
  if (root.name !== 'Response') throw new TwimlParseError(`root element is <${root.name}>, expected <Response>`);
  return root;
}

/** The element's text content, entities decoded, surrounding whitespace trimmed. */
export function textOf(element: XmlElement): string {
  return element.children
    .map((child) => (typeof child === 'string' ? child : textOf(child)))
    .join('')
    .trim();
}

export function childElements(element: XmlElement): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string');
}

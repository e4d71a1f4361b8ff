// Reads the call brief out of the session instructions the media-bridge writes: free text, then sections
// introduced by `## ` headings. Only what the engine can act on is kept.

export interface Fact {
  label: string;
  value: string;
}

export interface CallBrief {
  onBehalfOf: string;
  company: string;
  issue: string;
  goal: string;
  facts: Fact[];
  neverAgreeTo: string[];
}

export function splitSections(instructions: string): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const rawLine of instructions.split(/\r?\n/)) {
    const heading = /^##\s+(.+?)\s*$/.exec(rawLine);
    if (heading) {
      current = [];
      sections.set(heading[1].toLowerCase(), current);
    } else if (current && rawLine.trim() !== '') {
      current.push(rawLine.trim());
    }
  }
  return sections;
}

export function findSection(sections: Map<string, string[]>, headingStart: string): string[] {
  for (const [heading, lines] of sections) {
    if (heading.startsWith(headingStart)) return lines;
  }
  return [];
}

function bulletText(line: string): string {
  return line.replace(/^[-*]\s*/, '').trim();
}

function parseFact(line: string): Fact | null {
  const match = /^(.+?):\s*(.+)$/.exec(bulletText(line));
  return match ? { label: match[1].trim(), value: match[2].trim() } : null;
}

/** Returns null when the instructions carry none of the brief's sections (e.g. a generic prompt). */
export function parseCallBrief(instructions: string): CallBrief | null {
  const sections = splitSections(instructions);
  const issue = findSection(sections, 'issue').join(' ');
  const onBehalfOf = findSection(sections, 'calling on behalf of').join(' ');
  if (!issue && !onBehalfOf) return null;
  return {
    onBehalfOf,
    company: findSection(sections, 'company').join(' '),
    issue,
    goal: findSection(sections, 'goal').join(' '),
    facts: findSection(sections, 'facts').map(parseFact).filter((fact): fact is Fact => fact !== null),
    neverAgreeTo: findSection(sections, 'never agree').map(bulletText).filter(Boolean),
  };
}

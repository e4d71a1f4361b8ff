// What the call so far says about the menu playing now: whether it was heard before (so it is known in
// full), and what we chose the last time this same menu played (which evidently did not work).
import { menuOptions, type MenuOption } from './policyMenu.js';
import { words } from './policySentences.js';
import type { ConversationEntry } from './policy.js';

const signature = (option: MenuOption) => `${option.digits ?? option.keyword}|${words(option.label).join(' ')}`;

function signatures(text: string): Set<string> {
  return new Set(menuOptions(text).map(signature));
}

/** Same menu: most of the options playing now were in the earlier one. */
function sameMenu(options: readonly MenuOption[], earlier: Set<string>): boolean {
  const shared = options.filter((option) => earlier.has(signature(option))).length;
  return shared > 0 && shared * 2 >= options.length;
}

/** Some option of this menu was heard in two separate turns of the call. */
export function menuHeardBefore(options: readonly MenuOption[], conversation: readonly ConversationEntry[]): boolean {
  const counts = new Map<string, number>();
  for (const entry of conversation) {
    if (entry.kind !== 'heard' || !entry.text) continue;
    for (const found of signatures(entry.text)) counts.set(found, (counts.get(found) ?? 0) + 1);
  }
  return options.some((option) => (counts.get(signature(option)) ?? 0) >= 2);
}

/**
 * The key we pressed (or the word we said) right after this same menu last played. Hearing the menu
 * again straight away means that choice led nowhere, so it is not made twice in a row.
 */
export function failedMenuChoice(options: readonly MenuOption[], conversation: readonly ConversationEntry[]): string | null {
  let end = conversation.length;
  while (end > 0 && conversation[end - 1].kind === 'heard') end--;
  let actionAt = end - 1;
  while (actionAt >= 0) {
    const entry = conversation[actionAt];
    if ((entry.kind === 'toolCall' && entry.name === 'press_digits') || (entry.kind === 'said' && entry.text)) break;
    if (entry.kind === 'heard') return null;
    actionAt--;
  }
  if (actionAt < 0) return null;
  let start = actionAt;
  while (start > 0 && conversation[start - 1].kind === 'heard') start--;
  const before = conversation.slice(start, actionAt).flatMap((entry) => (entry.kind === 'heard' ? [entry.text] : [])).join(' ');
  if (!sameMenu(options, signatures(before))) return null;
  const action = conversation[actionAt];
  if (action.kind === 'toolCall') {
    try {
      const digits: unknown = JSON.parse(action.arguments).digits;
      return typeof digits === 'string' ? digits : null;
    } catch {
      return null;
    }
  }
  return action.kind === 'said' ? action.text.replace(/[.!]$/, '') : null;
}

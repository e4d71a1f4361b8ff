// A menu cut short by a person picking up: "To report a new claim, press 1. Claims department, this is
// Heather. Can I have your policy number?" heard as one turn (a re-played prompt, then the agent after the
// keys landed). The person who introduced themselves is the one to answer, not the menu.
import { greetsByName } from './policyCues.js';
import { menuOptions } from './policyMenu.js';
import { plainText, splitSentences } from './policySentences.js';

/** What was heard, from a person introducing themselves after the last menu option on; else all of it. */
export function afterMenuCutShort(heard: readonly string[]): readonly string[] {
  const sentences = heard.flatMap(splitSentences);
  let lastOption = -1;
  sentences.forEach((sentence, index) => {
    if (menuOptions(sentence).length > 0) lastOption = index;
  });
  const after = sentences.slice(lastOption + 1);
  const greeting = after.findIndex((sentence) => greetsByName(plainText(sentence)));
  return lastOption >= 0 && greeting >= 0 ? [after.join(' ')] : heard;
}

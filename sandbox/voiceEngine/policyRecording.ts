// A recorded call is announced in the first words the agent says to a person (not to a menu, hold
// queue or voicemail box), in the words the brief's "## Recording announcement" section gives.
import { findSection, splitSections } from './policyBrief.js';
import type { ConversationEntry, Reply } from './policy.js';

/** The announcement the brief asks for, or null when the call is not recorded. */
export function recordingAnnouncement(instructions: string): string | null {
  const section = findSection(splitSections(instructions), 'recording announcement').join(' ');
  return /["“]([^"”]+)["”]/.exec(section)?.[1].trim() ?? null;
}

/** The reply, opened with the announcement if the agent has not said it yet on this call. */
export function announcedFirst(reply: Reply, announcement: string | null, conversation: readonly ConversationEntry[]): Reply {
  if (!announcement || !reply.say) return reply;
  const alreadySaid = conversation.some((entry) => entry.kind === 'said' && entry.text.includes(announcement));
  return alreadySaid ? reply : { ...reply, say: `${announcement} ${reply.say}` };
}

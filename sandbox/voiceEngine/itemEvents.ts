// Server events announcing conversation items. GA servers send `conversation.item.added`/`.done`;
// `conversation.item.created` (the older name, still in the GA event union) is sent too so clients
// written against either keep working.
import type { RealtimeItem } from './conversation.js';

export type ServerEventBody = { type: string } & Record<string, unknown>;

export function itemAddedEvents(item: RealtimeItem, previousItemId: string | null): ServerEventBody[] {
  return [
    { type: 'conversation.item.added', previous_item_id: previousItemId, item },
    { type: 'conversation.item.created', previous_item_id: previousItemId, item },
  ];
}

export function itemDoneEvent(item: RealtimeItem, previousItemId: string | null): ServerEventBody {
  return { type: 'conversation.item.done', previous_item_id: previousItemId, item };
}

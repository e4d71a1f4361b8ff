import { API_VERSION } from './apiVersion.js';
import type { CallSession } from './callSession.js';
import { rfc2822 } from './statusCallbacks.js';

const date = (value: Date | undefined) => (value ? rfc2822(value) : null);

/** "+18005550101" -> "(800) 555-0101", as Twilio formats North American numbers. */
function formatNumber(number: string): string {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(number);
  return nanp ? `(${nanp[1]}) ${nanp[2]}-${nanp[3]}` : number;
}

export function callsPath(accountSid: string): string {
  return `/${API_VERSION}/Accounts/${accountSid}/Calls`;
}

/** The call as Twilio's 2010-04-01 Call resource renders it. */
export function callResource(call: CallSession) {
  const base = `${callsPath(call.accountSid)}/${call.sid}`;
  const subresource = (name: string) => `${base}/${name}.json`;
  const duration = call.durationSeconds;
  return {
    account_sid: call.accountSid,
    annotation: null,
    answered_by: call.answeredBy,
    api_version: API_VERSION,
    caller_name: null,
    date_created: rfc2822(call.dateCreated),
    date_updated: rfc2822(call.dateUpdated),
    direction: call.direction,
    duration: duration === null ? null : String(duration),
    end_time: date(call.endTime),
    forwarded_from: null,
    from: call.from,
    from_formatted: formatNumber(call.from),
    group_sid: null,
    parent_call_sid: null,
    phone_number_sid: null,
    price: null,
    price_unit: 'USD',
    queue_time: call.startTime ? String(call.startTime.getTime() - call.dateCreated.getTime()) : '0',
    sid: call.sid,
    start_time: date(call.startTime),
    status: call.status,
    subresource_uris: {
      feedback: subresource('Feedback'),
      feedback_summaries: `${callsPath(call.accountSid)}/FeedbackSummary.json`,
      notifications: subresource('Notifications'),
      recordings: subresource('Recordings'),
      streams: subresource('Streams'),
      payments: subresource('Payments'),
      siprec: subresource('Siprec'),
      events: subresource('Events'),
      transcriptions: subresource('Transcriptions'),
      user_defined_message_subscriptions: subresource('UserDefinedMessageSubscriptions'),
      user_defined_messages: subresource('UserDefinedMessages'),
    },
    to: call.to,
    to_formatted: formatNumber(call.to),
    trunk_sid: null,
    uri: `${base}.json`,
  };
}

/** The only version of Twilio's REST API and webhooks the carrier speaks. */
export const API_VERSION = '2010-04-01';

/** An error S3 would answer with: its HTTP status, its error code and the extra elements of its XML body. */
export class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, string | number> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const noSuchBucket = (bucket: string) =>
  new S3Error(404, 'NoSuchBucket', 'The specified bucket does not exist', { BucketName: bucket });

export const noSuchKey = (key: string) => new S3Error(404, 'NoSuchKey', 'The specified key does not exist.', { Key: key });

export const notImplemented = (what: string) =>
  new S3Error(501, 'NotImplemented', `A header or parameter you provided implies functionality that this S3 stand-in does not implement: ${what}`);

export const invalidArgument = (name: string, value: string, message: string) =>
  new S3Error(400, 'InvalidArgument', message, { ArgumentName: name, ArgumentValue: value });

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ENTITIES[c]);
}

export function errorXml(error: S3Error, requestId: string, hostId: string): string {
  const details = Object.entries(error.details).map(([name, value]) => `<${name}>${xmlEscape(String(value))}</${name}>`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${error.code}</Code><Message>${xmlEscape(error.message)}</Message>${details}` +
    `<RequestId>${requestId}</RequestId><HostId>${hostId}</HostId></Error>`
  );
}

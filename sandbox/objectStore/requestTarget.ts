import { S3Error } from './s3Error.js';

/** A request's path and query, percent-decoded once, in the order received. */
export interface RequestTarget {
  /** The path split on "/" after its leading slash: "/b/k/" gives ["b", "k", ""]. */
  segments: string[];
  query: Array<[name: string, value: string]>;
}

export function parseRequestTarget(url: string): RequestTarget {
  const queryStart = url.indexOf('?');
  const rawPath = queryStart === -1 ? url : url.slice(0, queryStart);
  const rawQuery = queryStart === -1 ? '' : url.slice(queryStart + 1);
  if (!rawPath.startsWith('/')) throw invalidUri();
  return {
    segments: rawPath.slice(1).split('/').map(decode),
    query: rawQuery
      .split('&')
      .filter(Boolean)
      .map((pair) => {
        const eq = pair.indexOf('=');
        return eq === -1 ? [decode(pair), ''] : [decode(pair.slice(0, eq)), decode(pair.slice(eq + 1))];
      }),
  };
}

/** AWS's UriEncode: every byte but A-Z a-z 0-9 - _ . ~ as %XX (uppercase hex). */
export function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw invalidUri();
  }
}

function invalidUri(): S3Error {
  return new S3Error(400, 'InvalidURI', "Couldn't parse the specified URI.");
}

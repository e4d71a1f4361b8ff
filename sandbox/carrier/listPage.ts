import { twilioErrors } from './twilioErrors.js';

const MAX_PAGE_SIZE = 1000;

export interface PageRequest {
  page: number;
  pageSize: number;
  /** The query without Page and PageSize (filters), kept in the page URIs. */
  filters: URLSearchParams;
}

/** Page and PageSize from a list request's query string (Twilio's defaults: page 0 of 50). */
export function pageRequest(originalUrl: string): PageRequest {
  const filters = new URL(originalUrl, 'http://carrier').searchParams;
  const pageSize = Number(filters.get('PageSize') ?? '50');
  const page = Number(filters.get('Page') ?? '0');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) throw twilioErrors.invalidParameter(`PageSize must be between 1 and ${MAX_PAGE_SIZE}`);
  if (!Number.isInteger(page) || page < 0) throw twilioErrors.invalidParameter('Page must be a non-negative integer');
  filters.delete('Page');
  filters.delete('PageSize');
  return { page, pageSize, filters };
}

/**
 * Twilio's legacy 2010-04-01 list envelope (`{ <key>: [...], page, next_page_uri, ... }`), which the
 * official client pages through via next_page_uri.
 */
export function listPage<T, R>(key: string, path: string, items: readonly T[], request: PageRequest, render: (item: T) => R) {
  const { page, pageSize, filters } = request;
  const pageUri = (pageNumber: number) => {
    const params = new URLSearchParams(filters);
    params.set('PageSize', String(pageSize));
    params.set('Page', String(pageNumber));
    return `${path}?${params}`;
  };
  const start = page * pageSize;
  const slice = items.slice(start, start + pageSize);
  return {
    [key]: slice.map(render),
    end: start + Math.max(slice.length - 1, 0),
    first_page_uri: pageUri(0),
    next_page_uri: start + pageSize < items.length ? pageUri(page + 1) : null,
    page,
    page_size: pageSize,
    previous_page_uri: page > 0 ? pageUri(page - 1) : null,
    start,
    uri: pageUri(page),
  };
}

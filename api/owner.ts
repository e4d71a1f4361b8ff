import type { Request } from 'express';

/** The user a request acts for. Only the local user exists until accounts arrive; rows carry it already. */
export const LOCAL_USER_ID = 'local';

export function ownerOf(_req: Request): string {
  return LOCAL_USER_ID;
}

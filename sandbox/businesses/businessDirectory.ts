import type { Business } from './business.js';

/** The sandbox's phone book: which business answers which number. */
export class BusinessDirectory {
  private readonly byNumber = new Map<string, Business>();

  constructor(businesses: Iterable<Business>) {
    for (const business of businesses) {
      if (this.byNumber.has(business.number)) throw new Error(`two businesses share the number ${business.number}`);
      this.byNumber.set(business.number, business);
    }
  }

  /** The business reachable at an E.164 number, or undefined when nobody serves it. */
  find(number: string): Business | undefined {
    return this.byNumber.get(number);
  }

  list(): Business[] {
    return [...this.byNumber.values()];
  }
}

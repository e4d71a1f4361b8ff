/**
 * Multimap from a 32-bit anchor hash to (utterance, offset) postings, kept in typed arrays
 * (about 20 bytes a posting) because an index of thousands of utterances holds millions of them.
 * Postings of one bucket are chained newest-first.
 */
export class PostingTable {
  private heads = new Int32Array(1 << 12).fill(-1);
  private bucketShift = 32 - 12;
  private keys = new Uint32Array(1 << 12);
  private owners = new Int32Array(1 << 12);
  private offsets = new Int32Array(1 << 12);
  private next = new Int32Array(1 << 12);
  private count = 0;

  add(key: number, owner: number, offset: number): void {
    if (this.count === this.keys.length) this.growPostings();
    if (this.count >= this.heads.length) this.growBuckets();
    const posting = this.count++;
    this.keys[posting] = key;
    this.owners[posting] = owner;
    this.offsets[posting] = offset;
    const bucket = this.bucketOf(key);
    this.next[posting] = this.heads[bucket];
    this.heads[bucket] = posting;
  }

  forEach(key: number, visit: (owner: number, offset: number) => void): void {
    for (let p = this.heads[this.bucketOf(key)]; p !== -1; p = this.next[p]) {
      if (this.keys[p] === key) visit(this.owners[p], this.offsets[p]);
    }
  }

  private bucketOf(key: number): number {
    // Anchor hashes have their low bits fixed by the anchor condition; spread all bits into the top.
    return Math.imul(key, 0x9e3779b1) >>> this.bucketShift;
  }

  private growPostings(): void {
    const capacity = this.keys.length * 2;
    this.keys = grown(this.keys, new Uint32Array(capacity));
    this.owners = grown(this.owners, new Int32Array(capacity));
    this.offsets = grown(this.offsets, new Int32Array(capacity));
    this.next = grown(this.next, new Int32Array(capacity));
  }

  private growBuckets(): void {
    this.heads = new Int32Array(this.heads.length * 2).fill(-1);
    this.bucketShift -= 1;
    for (let p = 0; p < this.count; p++) {
      const bucket = this.bucketOf(this.keys[p]);
      this.next[p] = this.heads[bucket];
      this.heads[bucket] = p;
    }
  }
}

function grown<T extends Uint32Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

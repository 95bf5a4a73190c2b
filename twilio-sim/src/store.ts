import type { SimMessage } from './types';

/** In-memory messages: by SID, in creation order, and indexed by recipient for list filters. */
export class MessageStore {
  private readonly bySid = new Map<string, SimMessage>();
  private all: SimMessage[] = [];
  private readonly byTo = new Map<string, SimMessage[]>();
  /** Kept after deletes so page tokens naming a deleted message still resolve. */
  private readonly seqBySid = new Map<string, number>();
  private nextSeq = 1;

  add(message: Omit<SimMessage, 'seq'>): SimMessage {
    const stored: SimMessage = { ...message, seq: this.nextSeq++ };
    this.bySid.set(stored.sid, stored);
    this.seqBySid.set(stored.sid, stored.seq);
    this.all.push(stored);
    const list = this.byTo.get(stored.to);
    if (list) list.push(stored);
    else this.byTo.set(stored.to, [stored]);
    return stored;
  }

  get(sid: string): SimMessage | undefined {
    return this.bySid.get(sid);
  }

  delete(sid: string): boolean {
    const message = this.bySid.get(sid);
    if (!message) return false;
    this.bySid.delete(sid);
    this.all = this.all.filter((m) => m !== message);
    const list = (this.byTo.get(message.to) ?? []).filter((m) => m !== message);
    if (list.length) this.byTo.set(message.to, list);
    else this.byTo.delete(message.to);
    return true;
  }

  seqOf(sid: string): number | undefined {
    return this.seqBySid.get(sid);
  }

  /** Messages in creation order (oldest first), narrowed to one recipient when given. */
  candidates(to?: string): readonly SimMessage[] {
    return to === undefined ? this.all : (this.byTo.get(to) ?? []);
  }

  get size(): number {
    return this.bySid.size;
  }

  clear(): void {
    this.bySid.clear();
    this.all = [];
    this.byTo.clear();
    this.seqBySid.clear();
  }
}

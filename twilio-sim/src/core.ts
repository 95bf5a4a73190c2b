import { CallbackSender } from './callbacks';
import { freshCounters } from './counters';
import { FormPoster } from './http-post';
import { DEFAULT_KNOBS, mergeKnobs } from './knobs';
import { Lifecycle } from './lifecycle';
import { mulberry32 } from './prng';
import { SenderRegistry, type AccountSenders } from './senders';
import { MessageStore } from './store';
import { Tasks } from './tasks';
import type { Knobs, SimCounters, SimState } from './types';

export interface CoreOptions {
  accounts: Record<string, string>;
  knobs?: Partial<Knobs>;
  seed: number;
  inboundUrl?: string;
  senders?: Record<string, AccountSenders>;
}

/** The simulator's state and machinery, shared by the REST routes, control routes and the API object. */
export class SimCore {
  readonly store = new MessageStore();
  readonly tasks = new Tasks();
  readonly poster = new FormPoster();
  readonly sender: CallbackSender;
  readonly lifecycle: Lifecycle;
  readonly accounts: Record<string, string>;
  /** Account configuration, not message state: reset() keeps it. */
  readonly senders: SenderRegistry;
  readonly inboundUrl: string | undefined;
  counters: SimCounters = freshCounters();
  knobs: Knobs;
  rng: () => number;
  generation = 0;

  constructor(private readonly options: CoreOptions) {
    this.accounts = { ...options.accounts };
    this.senders = new SenderRegistry(options.senders);
    this.inboundUrl = options.inboundUrl;
    this.knobs = mergeKnobs(DEFAULT_KNOBS, options.knobs ?? {});
    this.rng = mulberry32(options.seed);
    this.sender = new CallbackSender({
      poster: this.poster,
      knobs: () => this.knobs,
      rng: () => this.rng(),
      counters: () => this.counters,
      generation: () => this.generation,
    });
    this.lifecycle = new Lifecycle({
      store: this.store,
      tasks: this.tasks,
      sender: this.sender,
      knobs: () => this.knobs,
      rng: () => this.rng(),
      authToken: (sid) => this.accounts[sid],
      generation: () => this.generation,
    });
  }

  get defaultAccountSid(): string {
    return Object.keys(this.accounts)[0];
  }

  setKnobs(patch: Partial<Knobs>): void {
    this.knobs = mergeKnobs(this.knobs, patch);
  }

  /** Forgets every message and counter, cancels pending callbacks, restores the starting knobs and seed. */
  reset(): void {
    this.stopWork();
    this.store.clear();
    this.counters = freshCounters();
    this.knobs = mergeKnobs(DEFAULT_KNOBS, this.options.knobs ?? {});
    this.rng = mulberry32(this.options.seed);
  }

  stopWork(): void {
    this.generation++;
    this.tasks.cancelAll();
    this.poster.abortAll();
  }

  state(includeMessages = true): SimState {
    const messages = includeMessages
      ? this.store.candidates().map((m) => ({
          sid: m.sid,
          to: m.to,
          from: m.from,
          body: m.body,
          status: m.status,
          direction: m.direction,
          errorCode: m.errorCode,
          createdAt: m.dateCreated,
          accountSid: m.accountSid,
          statusCallback: m.statusCallback,
        }))
      : [];
    return {
      counters: structuredClone(this.counters),
      knobs: structuredClone(this.knobs),
      messages,
    };
  }
}

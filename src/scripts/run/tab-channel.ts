/**
 * The checklist page's news to its other tabs, on the BroadcastChannel named
 * `<prefix>changes` (prefix from storagePrefix): after every confirmed write `{ key, value }`,
 * the key written and its new text (null when removed). Where Web Locks are missing (a site
 * served over plain HTTP), the channel also carries a roll call, `{ rollCall }`, answered by
 * every open page with `{ alive: <its id> }`, to tell ended pages from open ones. Each page
 * holds the Web Lock `roadbook-session:<id>` as long as it lives.
 */

/** A change written by another tab. */
export interface StoredChange {
  key: string;
  value: string | null;
}

type ChannelMessage = StoredChange | { rollCall: string } | { alive: string };

const LOCK_PREFIX = 'roadbook-session:';
/** How long a roll call waits for the open pages' answers. */
const ROLL_CALL_MS = 300;

export class TabChannel {
  private readonly channel: BroadcastChannel | null;
  private readonly session: string;

  /** Opens the channel for page `session` and holds its lock. */
  constructor(prefix: string, session: string) {
    this.session = session;
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`${prefix}changes`) : null;
    // Held as long as this page lives: the next page tells an ended page's journal by its free lock.
    void navigator.locks?.request(`${LOCK_PREFIX}${session}`, () => new Promise<void>(() => undefined));
    this.channel?.addEventListener('message', (event: MessageEvent<ChannelMessage>) => {
      if ('rollCall' in event.data) this.channel?.postMessage({ alive: session } satisfies ChannelMessage);
    });
  }

  /** Tells the other tabs a key was written. */
  post(change: StoredChange): void {
    this.channel?.postMessage(change satisfies ChannelMessage);
  }

  /** What other tabs write. */
  onChange(listener: (change: StoredChange) => void): void {
    this.channel?.addEventListener('message', (event: MessageEvent<ChannelMessage>) => {
      if ('key' in event.data) listener(event.data);
    });
  }

  /** The pages open now: by their Web Locks, or where there are none by a roll call; null when neither can tell. */
  async liveSessions(): Promise<Set<string> | null> {
    if (navigator.locks) {
      const held = await navigator.locks.query();
      return new Set(
        [...(held.held ?? []), ...(held.pending ?? [])]
          .map((lock) => lock.name ?? '')
          .filter((name) => name.startsWith(LOCK_PREFIX))
          .map((name) => name.slice(LOCK_PREFIX.length)),
      );
    }
    const channel = this.channel;
    if (!channel) return null;
    const live = new Set<string>();
    const answer = (event: MessageEvent<ChannelMessage>) => {
      if ('alive' in event.data) live.add(event.data.alive);
    };
    channel.addEventListener('message', answer);
    channel.postMessage({ rollCall: this.session } satisfies ChannelMessage);
    await new Promise((done) => setTimeout(done, ROLL_CALL_MS));
    channel.removeEventListener('message', answer);
    return live;
  }
}

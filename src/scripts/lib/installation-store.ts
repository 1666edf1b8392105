/**
 * "Mon installation" as the browser keeps it: in localStorage, under installationKey
 * (core/run/storage-keys.ts) — small, read synchronously so a page can speak of it before its
 * first paint, and told to the site's other tabs by the `storage` event. The rules of what an
 * installation is and how it is written are core/installation.ts'.
 *
 * Where storage is refused (a private window, a policy, a full quota), the installation lives
 * as long as the page and `persistent` is false: pages say so rather than pretend it was kept.
 * Every element of a page shares one store, so what one records the others show at once.
 */
import { readStoredInstallation, storedInstallation, type Installation } from '../../core/installation.ts';
import { installationKey } from '../../core/run/storage-keys.ts';
import type { RunScope } from '../../core/run/types.ts';

export interface InstallationStore {
  /** False when the browser refused storage: what is recorded lasts as long as the page. */
  readonly persistent: boolean;
  get(): Installation | null;
  /** Records it; false when it could be kept for this page only. */
  set(installation: Installation): boolean;
  forget(): void;
  /** Called on every change, from this page or another tab; returns the unsubscribe. */
  subscribe(listener: (installation: Installation | null) => void): () => void;
}

/** The road book a page belongs to, as Base.astro writes it on `<html>`. */
export function pageScope(): RunScope {
  const { base, product } = document.documentElement.dataset;
  return { base: base ?? '/', product: product ?? '' };
}

function storageOrNull(): Storage | null {
  try {
    const storage = window.localStorage;
    const probe = '__roadbook_probe__';
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

class BrowserInstallationStore implements InstallationStore {
  private readonly listeners = new Set<(installation: Installation | null) => void>();
  private storage: Storage | null;
  /** This page's own copy: what storage holds, or what it refused to keep. */
  private current: Installation | null;
  private readonly key: string;

  constructor(key: string) {
    this.key = key;
    this.storage = storageOrNull();
    this.current = readStoredInstallation(this.read());
    window.addEventListener('storage', (event) => {
      if (event.key !== this.key && event.key !== null) return;
      this.current = readStoredInstallation(this.read());
      this.tell();
    });
  }

  get persistent(): boolean {
    return this.storage !== null;
  }

  get(): Installation | null {
    return this.current;
  }

  set(installation: Installation): boolean {
    this.current = { ...installation, modules: [...installation.modules], editions: [...installation.editions] };
    const kept = this.write(storedInstallation(this.current));
    this.tell();
    return kept;
  }

  forget(): void {
    this.current = null;
    this.write(null);
    this.tell();
  }

  subscribe(listener: (installation: Installation | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private read(): string | null {
    try {
      return this.storage?.getItem(this.key) ?? null;
    } catch {
      return null;
    }
  }

  private write(text: string | null): boolean {
    if (!this.storage) return false;
    try {
      if (text === null) this.storage.removeItem(this.key);
      else this.storage.setItem(this.key, text);
      return true;
    } catch {
      // Quota or policy: from now on the page keeps it alone, and says so.
      this.storage = null;
      return false;
    }
  }

  private tell(): void {
    for (const listener of this.listeners) listener(this.current);
  }
}

const stores = new Map<string, InstallationStore>();

/** The page's one store of this road book's installation. */
export function installationStore(scope: RunScope = pageScope()): InstallationStore {
  const key = installationKey(scope);
  let store = stores.get(key);
  if (!store) stores.set(key, (store = new BrowserInstallationStore(key)));
  return store;
}

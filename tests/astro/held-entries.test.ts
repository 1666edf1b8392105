import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packEntry, toEntryData } from '../../src/astro/collections.ts';
import { HeldEntries, heldEntries, publishHeldEntries } from '../../src/astro/held-entries.ts';
import { loadRoadBook } from '../../src/core/read/road-book.ts';
import { PROJECT } from '../cli/run-cli.ts';

async function fixtureEntries() {
  const { book } = await loadRoadBook(join(PROJECT, 'tests/fixtures/cli'), { workers: false });
  return book.entries.map((entry, order) => ({ entry, data: toEntryData(entry, order) }));
}

describe('the entries the integration holds for the pages', () => {
  it('hold each entry unpacked, as the store would give it back, with its HTML', async () => {
    const [first, second] = await fixtureEntries();
    const entries = new HeldEntries().begin();
    entries.set({ id: first!.entry.id, data: packEntry(first!.data), digest: 'a', rendered: { html: '<p>un</p>' } });
    entries.set({ id: second!.entry.id, data: packEntry(second!.data), digest: 'b' });
    entries.commit();
    const held = entries.all();
    expect(held.map((e) => e.data)).toEqual([
      JSON.parse(JSON.stringify(first!.data)),
      JSON.parse(JSON.stringify(second!.data)),
    ]);
    expect(await Promise.all(held.map((e) => e.html()))).toEqual(['<p>un</p>', '']);
    expect(entries.get(first!.entry.id)?.digest).toBe('a');
    expect([...entries.keys()]).toEqual([first!.entry.id, second!.entry.id]);
  });

  it('make a body held for later when a page first asks for it, and only then, once', async () => {
    const [first] = await fixtureEntries();
    let made = 0;
    const later = async () => `<p>${++made}</p>`;
    const entries = new HeldEntries().begin();
    entries.set({ id: first!.entry.id, data: packEntry(first!.data), digest: 'a', rendered: { later } });
    entries.commit();
    expect(made).toBe(0);
    const [held] = entries.all();
    expect(await held!.html()).toBe('<p>1</p>');
    expect(await held!.html()).toBe('<p>1</p>');
    expect(made).toBe(1);
  });

  it('show a sync’s changes only once it is committed, all together', async () => {
    const [first, second] = await fixtureEntries();
    const entries = new HeldEntries().begin();
    entries.set({ id: first!.entry.id, data: packEntry(first!.data), digest: 'a' });
    entries.commit();

    entries.begin();
    entries.delete(first!.entry.id);
    entries.set({ id: second!.entry.id, data: packEntry(second!.data), digest: 'b' });
    // A page rendered during the sync reads the entries as they were.
    expect(entries.all().map((e) => e.data.id)).toEqual([first!.entry.id]);
    expect(entries.get(second!.entry.id)).toBeUndefined();
    entries.commit();
    expect(entries.all().map((e) => e.data.id)).toEqual([second!.entry.id]);
  });

  it('refuse a change outside a sync', async () => {
    const [first] = await fixtureEntries();
    const entries = new HeldEntries();
    expect(() => entries.set({ id: 'x', data: packEntry(first!.data), digest: 'a' })).toThrow(/outside a sync/);
    expect(() => entries.delete('x')).toThrow(/outside a sync/);
  });

  it('are found by the pages where the integration left them', () => {
    const entries = new HeldEntries();
    publishHeldEntries(entries);
    expect(heldEntries()).toBe(entries);
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('roadbook.held-entries')];
    expect(() => heldEntries()).toThrow(/without the roadbook\(\) integration/);
  });
});

/**
 * Prints a built site's size by kind of file: `node bench/site-size.ts <dist> [<dist>…]`.
 * With several folders, one column each (before and after a change, side by side).
 */
import { treeComposition } from './site-tree.ts';

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error('usage: node bench/site-size.ts <dist> [<dist>…]');
  process.exit(2);
}
const columns = await Promise.all(dirs.map((d) => treeComposition(d)));
const mb = (bytes: number) => (bytes / 1e6).toFixed(2).padStart(9);
const total = (c: Map<string, { bytes: number; files: number }>) =>
  [...c.values()].reduce((sum, k) => ({ bytes: sum.bytes + k.bytes, files: sum.files + k.files }), {
    bytes: 0,
    files: 0,
  });
const rows = [...columns[0]!.keys()].map((kind) => [kind, columns.map((c) => c.get(kind)!)] as const);
rows.push(['total', columns.map(total)]);
console.log(`${'MB (files)'.padEnd(20)}${dirs.map((d) => d.slice(-24).padStart(26)).join('')}`);
for (const [kind, sums] of rows) {
  console.log(
    `${kind.padEnd(20)}${sums.map((s) => `${mb(s.bytes)} (${String(s.files).padStart(6)})`.padStart(26)).join('')}`,
  );
}

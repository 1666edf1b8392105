/** The images an entry's body points at must be among its version's assets. */
import { describe, expect, it } from 'vitest';
import { DiagnosticList } from '../../../src/core/diagnostics.ts';
import { parseEntry } from '../../../src/core/read/entry.ts';
import { defaultConfig } from '../../../src/core/read/config.ts';

function diagnosticsOf(body: string, assets: string[]): string[] {
  const diagnostics = new DiagnosticList();
  parseEntry(`---\ntitle: Une nouveauté\ntype: nouveaute\nmodules: [stocks]\nverify: [Ouvrir la fiche]\n---\n${body}`, {
    file: 'content/versions/15.3.0/GES-1.md',
    name: 'GES-1',
    version: '15.3.0',
    versionSlug: '15.3.0',
    config: defaultConfig('fr'),
    assets: new Set(assets),
    diagnostics,
  });
  return diagnostics.sorted().map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`);
}

describe('images of the body', () => {
  it('may point at an asset however the path is spelled', () => {
    expect(
      diagnosticsOf('![a](assets/logo.svg) ![b](./assets/vue%20large.png#x) ![c](assets/../assets/logo.svg?v=2)\n', [
        'assets/logo.svg',
        'assets/vue large.png',
      ]),
    ).toEqual([]);
  });

  it('are an error where they point at no asset, even with a malformed escape', () => {
    expect(
      diagnosticsOf('Texte\n\n![a](assets/absent.svg)\n\n![b](assets/%E0%A4%A.png)\n', ['assets/logo.svg']),
    ).toEqual(['9:1 error asset-missing', '11:1 error asset-missing']);
  });
});

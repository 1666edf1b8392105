import { describe, expect, it } from 'vitest';
import { DiagnosticList } from '../../../src/core/diagnostics.ts';
import { decodeTextFile } from '../../../src/core/read/text-file.ts';

function decode(bytes: number[] | Uint8Array) {
  const diagnostics = new DiagnosticList();
  const text = decodeTextFile(Uint8Array.from(bytes), 'e.md', diagnostics);
  return { text, diagnostics: diagnostics.items.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`) };
}

const utf8 = (text: string) => [...new TextEncoder().encode(text)];

describe('a file that is not UTF-8', () => {
  it('is reported at its first invalid byte, naming Windows-1252 when it reads as that', () => {
    // "Arrêté" saved by a Windows editor: ê is the single byte 0xEA.
    const { text, diagnostics } = decode([
      ...utf8('---\r\ntitle: Arr'),
      0xea,
      ...utf8('t'),
      0xe9,
      ...utf8('\r\n---\r\n'),
    ]);
    expect(text).toBeNull();
    expect(diagnostics).toEqual([
      '2:11 file-encoding This file is not valid UTF-8: the byte 0xEA here reads as "ê" in Windows-1252 (Latin-1), the encoding the file is likely saved in; save it as UTF-8 (with or without BOM) in your editor',
    ]);
  });

  it('counts columns in characters after valid UTF-8 and a BOM', () => {
    const { diagnostics } = decode([0xef, 0xbb, 0xbf, ...utf8('é€\nab « c'), 0x92, ...utf8('x')]);
    expect(diagnostics[0]).toMatch(/^2:7 file-encoding .*the byte 0x92 here reads as "’" in Windows-1252/);
  });

  it('does not guess an encoding the bytes do not read as', () => {
    const { diagnostics } = decode([...utf8('ab'), 0x81, ...utf8('cd')]);
    expect(diagnostics).toEqual([
      '1:3 file-encoding This file is not valid UTF-8: the byte 0x81 here is not part of a UTF-8 character; save it as UTF-8 (with or without BOM) in your editor',
    ]);
  });

  it('is cut short when its last character is incomplete', () => {
    expect(decode([...utf8('abc\nd'), 0xc3]).diagnostics[0]).toMatch(/^2:2 file-encoding .*0xC3 here reads as "Ã"/);
  });

  it.each([
    ['little-endian, with its BOM', [0xff, 0xfe, ...utf8('-\0-\0-\0\n\0')]],
    ['big-endian, with its BOM', [0xfe, 0xff, ...utf8('\0-\0-\0-\0\n')]],
    ['little-endian, without BOM', utf8('-\0-\0-\0\n\0t\0i\0t\0l\0e\0')],
  ])('names UTF-16 (%s) for the whole file', (order, bytes) => {
    const { diagnostics } = decode(bytes);
    expect(diagnostics).toEqual([
      `1:1 file-encoding This file is saved as UTF-16 (${order.split(',')[0]}), not UTF-8; save it as UTF-8 (with or without BOM) in your editor`,
    ]);
  });

  it('accepts UTF-8 with a BOM and CRLF line endings', () => {
    expect(decode([0xef, 0xbb, 0xbf, ...utf8('---\r\ntitle: Arrêté\r\n---\r\n')])).toEqual({
      text: '---\ntitle: Arrêté\n---\n',
      diagnostics: [],
    });
  });
});

describe('the same bytes read again', () => {
  it('give the same text on every read, and other bytes of the same content too', () => {
    const bytes = Uint8Array.from(utf8('---\r\ntitle: Devis\r\n---\r\n'));
    const first = decodeTextFile(bytes, 'e.md', new DiagnosticList());
    expect(first).toBe('---\ntitle: Devis\n---\n');
    expect(decodeTextFile(bytes, 'e.md', new DiagnosticList())).toBe(first);
    expect(decodeTextFile(Uint8Array.from(bytes), 'f.md', new DiagnosticList())).toBe(first);
  });

  it('report their problem on every read', () => {
    const bytes = Uint8Array.from([...utf8('ab'), 0x81]);
    for (const _ of [1, 2]) {
      const diagnostics = new DiagnosticList();
      expect(decodeTextFile(bytes, 'e.md', diagnostics)).toBeNull();
      expect(diagnostics.items.map((d) => d.code)).toEqual(['file-encoding']);
    }
    const empty = Uint8Array.from(utf8('  \n'));
    for (const _ of [1, 2]) {
      const diagnostics = new DiagnosticList();
      expect(decodeTextFile(empty, 'e.md', diagnostics)).toBeNull();
      expect(diagnostics.items.map((d) => d.code)).toEqual(['file-empty']);
    }
  });
});

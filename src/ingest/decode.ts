/**
 * Bytes -> text: binary detection, byte-order marks, BOM-less UTF-16, UTF-8 validation and a
 * legacy-charset fallback (chardet guesses, iconv-lite decodes).
 *
 * Written by hand around the libraries: chardet has no notion of "this is not text at all" and
 * does not detect BOM-less UTF-16 reliably on short inputs, so those two checks are ours.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; code: 'binary' | 'encoding' | 'empty'; reason: string };

/** How many leading bytes the binary / UTF-16 checks look at. */
const PREFIX = 8192;

const MAGIC: [string, number[]][] = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a ZIP archive (or .docx/.xlsx)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['an ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['a SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66]],
];

function startsWith(buf: Uint8Array, sig: number[]): boolean {
  if (buf.length < sig.length) return false;
  return sig.every((b, i) => buf[i] === b);
}

/** 'le' / 'be' when the prefix looks like BOM-less UTF-16 (NULs on one parity, text on the other). */
export function sniffUtf16(buf: Uint8Array): 'le' | 'be' | null {
  const n = Math.min(buf.length, PREFIX) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenNul++;
    if (buf[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  // Latin-script UTF-16 has a NUL high byte in nearly every code unit, and (almost) never a NUL low byte.
  if (oddNul / pairs > 0.6 && evenNul / pairs < 0.05) return 'le';
  if (evenNul / pairs > 0.6 && oddNul / pairs < 0.05) return 'be';
  return null;
}

/** A reason string when the prefix is not text (magic number, NUL bytes, many control bytes). */
export function binaryReason(buf: Uint8Array): string | null {
  for (const [what, sig] of MAGIC) if (startsWith(buf, sig)) return `looks like ${what}`;
  const n = Math.min(buf.length, PREFIX);
  if (n === 0) return null;
  let nul = 0;
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) nul++;
    else if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) ctrl++;
  }
  if (nul > 0) return `holds ${nul} NUL byte(s) in its first ${n} bytes`;
  if (ctrl / n > 0.05) return `${Math.round((100 * ctrl) / n)}% of its first ${n} bytes are control characters`;
  return null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Normalises a charset label to one iconv-lite knows; ISO-8859-1 is read as windows-1252 (as browsers do). */
export function normaliseCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  let l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (l === 'iso-8859-1' || l === 'latin1' || l === 'latin-1' || l === 'us-ascii' || l === 'ascii') l = 'windows-1252';
  if (l === 'utf8') l = 'utf-8';
  return iconv.encodingExists(l) ? l : null;
}

/** The charset an HTML document declares in a <meta> tag within its first bytes, if any. */
export function htmlDeclaredCharset(buf: Uint8Array): string | null {
  const head = Buffer.from(buf.subarray(0, Math.min(buf.length, 4096))).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head);
  return m ? m[1] : null;
}

/**
 * chardet's best guess, except that windows-1252 wins when chardet rates it (or ISO-8859-1) nearly
 * as high as the top guess: on short Western-European texts chardet's statistics often pick a
 * Central-European code page, and windows-1252 is by far the most common legacy charset of news
 * pages. Large gaps (Cyrillic, Greek, CJK code pages) keep chardet's choice.
 */
function guessCharset(buf: Uint8Array): string | null {
  const cands = chardet.analyse(buf);
  if (!cands.length) return null;
  const top = cands[0];
  const western = cands.find((c) => /^(?:ISO-8859-1|windows-1252)$/i.test(c.name));
  if (western && western.confidence >= top.confidence - 25) return 'windows-1252';
  return normaliseCharset(top.name);
}

/**
 * Decodes a whole input. `hint` is a declared charset (HTTP header, HTML meta); it is used only
 * when the bytes are not valid UTF-8, because declared charsets are often wrong on scraped pages.
 */
export function decodeBytes(buf: Uint8Array, hint?: string | null): Decoded {
  if (buf.length === 0) return { ok: false, code: 'empty', reason: 'is empty (0 bytes)' };
  let text: string;
  let encoding: string;
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) {
    text = Buffer.from(buf.subarray(3)).toString('utf8');
    encoding = 'utf-8';
  } else if (startsWith(buf, [0xff, 0xfe])) {
    text = iconv.decode(Buffer.from(buf.subarray(2)), 'utf-16le');
    encoding = 'utf-16le';
  } else if (startsWith(buf, [0xfe, 0xff])) {
    text = iconv.decode(Buffer.from(buf.subarray(2)), 'utf-16be');
    encoding = 'utf-16be';
  } else {
    const u16 = sniffUtf16(buf);
    if (u16) {
      encoding = `utf-16${u16}`;
      text = iconv.decode(Buffer.from(buf), encoding);
    } else {
      const bin = binaryReason(buf);
      if (bin) return { ok: false, code: 'binary', reason: `is not text: it ${bin}` };
      try {
        text = utf8.decode(buf);
        encoding = 'utf-8';
      } catch {
        const declared = normaliseCharset(hint);
        const guessed = guessCharset(buf.subarray(0, 65536));
        encoding = declared && declared !== 'utf-8' ? declared : guessed && guessed !== 'utf-8' ? guessed : 'windows-1252';
        try {
          text = iconv.decode(Buffer.from(buf), encoding);
        } catch (e) {
          return { ok: false, code: 'encoding', reason: `could not be decoded as ${encoding} (${(e as Error).message})` };
        }
      }
    }
  }
  // A decoded text full of control characters or replacement characters is not usable text.
  const sample = text.slice(0, PREFIX);
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0xfffd || c === 0 || (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) bad++;
  }
  if (sample.length > 0 && bad / sample.length > 0.05) return { ok: false, code: 'binary', reason: `is not text: ${Math.round((100 * bad) / sample.length)}% of its characters are unprintable after decoding as ${encoding}` };
  if (!text.trim()) return { ok: false, code: 'empty', reason: 'holds only whitespace' };
  return { ok: true, text: text.replace(/^\uFEFF/, ''), encoding };
}

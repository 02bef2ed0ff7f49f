// Bytes to text the way a browser ends up decoding a page: a byte-order mark wins; then the
// charset the page declares in a <meta charset> or <meta http-equiv=Content-Type> anywhere in
// its head (browsers' 1,024-byte prescan misses late ones, but their parser then finds the tag
// and re-decodes: an NYT page declares it at byte 6,054); then UTF-8 if the bytes are valid
// UTF-8, else windows-1252, the web's legacy default.

/** How far into the page a declaration is looked for: past any realistic <head>. */
const SCAN_BYTES = 65_536;

const BOMS: ReadonlyArray<readonly [number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

export interface Decoded {
  text: string;
  /** The encoding used, as a WHATWG label. */
  encoding: string;
  /** Where it came from. */
  source: 'bom' | 'meta' | 'utf-8' | 'fallback';
}

export function decodeHtml(bytes: Uint8Array): Decoded {
  const decoded = decodeBytes(bytes);
  if (decoded.encoding === 'windows-1252') decoded.text = fixWindows1252(decoded.text);
  return decoded;
}

function decodeBytes(bytes: Uint8Array): Decoded {
  for (const [bom, encoding] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) {
      return { text: new TextDecoder(encoding).decode(bytes.subarray(bom.length)), encoding, source: 'bom' };
    }
  }
  const declared = declaredCharset(bytes.subarray(0, SCAN_BYTES));
  if (declared) return { text: new TextDecoder(declared).decode(bytes), encoding: declared, source: 'meta' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', source: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', source: 'fallback' };
  }
}

/**
 * The first usable charset named by a <meta> tag before </head>, as a label TextDecoder knows.
 * The head is read as Latin-1 (every byte one character), which is safe because every encoding
 * a page may declare keeps ASCII where markup is.
 */
export function declaredCharset(head: Uint8Array): string | null {
  const text = latin1(head);
  const lower = text.toLowerCase();
  const headEnd = lower.indexOf('</head');
  const end = headEnd < 0 ? lower.length : headEnd;
  for (let at = lower.indexOf('<meta'); at >= 0 && at < end; at = lower.indexOf('<meta', at + 5)) {
    const close = lower.indexOf('>', at);
    const tag = lower.slice(at, close < 0 ? lower.length : close);
    const label = charsetIn(tag);
    if (label) return label;
  }
  return null;
}

function charsetIn(tag: string): string | null {
  const at = tag.indexOf('charset');
  if (at < 0) return null;
  let i = at + 'charset'.length;
  while (tag[i] === ' ' || tag[i] === '\t' || tag[i] === '\n' || tag[i] === '\r') i++;
  if (tag[i] !== '=') return null;
  i++;
  while (tag[i] === ' ' || tag[i] === '"' || tag[i] === "'") i++;
  let label = '';
  for (; i < tag.length && /[a-z0-9_:.-]/.test(tag[i]!); i++) label += tag[i];
  return usableLabel(label);
}

/** A label TextDecoder accepts; UTF-16 in a meta tag means UTF-8 (the HTML standard says so). */
function usableLabel(label: string): string | null {
  if (!label) return null;
  try {
    const encoding = new TextDecoder(label).encoding;
    return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  } catch {
    return null;
  }
}

/**
 * Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1, so bytes 0x80–0x9F (curly quotes,
 * dashes, €) come out as C1 control characters. Browsers map them; so do we.
 */
const WINDOWS_1252_C1 = '\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178';

function fixWindows1252(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80 || code > 0x9f) continue;
    out += text.slice(from, i) + WINDOWS_1252_C1[code - 0x80];
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) out += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return out;
}

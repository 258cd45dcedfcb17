// Windows-1252 is Latin-1 except for bytes 0x80-0x9F, which hold € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ”
// • – — ˜ ™ š › œ ž Ÿ. Node 20.18.3 and later decode the `windows-1252` label (and `iso-8859-1`,
// which WHATWG maps to it) as plain Latin-1, leaving C1 controls in their place
// (nodejs/node#56542, #60888), so the block is mapped here from the WHATWG index. On a Node that
// decodes correctly no C1 control is left and the mapping changes nothing.

// Index 0 is byte 0x80; the five bytes Windows-1252 leaves undefined map to the C1 control itself.
const C1_BLOCK =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** The character Windows-1252 gives byte (or C1 code point) 0x80-0x9F. */
export function windows1252Character(codePoint: number): string {
  return C1_BLOCK[codePoint - 0x80];
}

/** Reads C1 controls as the Windows-1252 characters their bytes stand for. */
export function c1ControlsAsWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (control) => windows1252Character(control.charCodeAt(0)));
}

/**
 * Default display of personal data (PRODUCT.md: masked unless the reader holds the permission).
 * Every mask works on code points, so a rare character outside the BMP is never split in half.
 */

/** Keeps `head` leading and `tail` trailing characters; all stars when that would reveal too much. */
function maskMiddle(value: string, head: number, tail: number): string {
  const chars = [...value];
  // With fewer than head + tail + 1 characters the kept ends would reveal the whole value.
  if (chars.length <= head + tail) return '*'.repeat(chars.length);
  return (
    chars.slice(0, head).join('') +
    '*'.repeat(chars.length - head - tail) +
    chars.slice(chars.length - tail).join('')
  );
}

/** "110105194912310021" → "110***********0021"; the length stays, the birth date goes. */
export function maskNationalId(id: string): string {
  return maskMiddle(id, 3, 4);
}

/** "13812345678" → "138****5678". */
export function maskPhone(phone: string): string {
  return maskMiddle(phone, 3, 4);
}

/** "zhangsan@example.com" → "z***@example.com": a fixed three stars hide the name's length. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const local = at < 0 ? email : email.slice(0, at);
  const domain = at < 0 ? '' : email.slice(at);
  const first = [...local][0] ?? '';
  return `${first}***${domain}`;
}

/** "张三丰" → "张**": the family name stays, each further character becomes a star. */
export function maskName(name: string): string {
  const [first = '', ...rest] = [...name];
  return first + '*'.repeat(rest.length);
}

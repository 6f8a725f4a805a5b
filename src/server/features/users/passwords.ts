import { randomInt } from 'node:crypto';

// Passwords the server makes (a new account without one, a reset): read aloud or copied by hand to
// the person, so no look-alike characters (0/O, 1/l/I); letters and digits, as isStrongPassword wants.
const letters = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const digits = '23456789';

export function makePassword(length = 10): string {
  const all = letters + digits;
  const chars = Array.from({ length }, (_, i) =>
    i === 0
      ? letters[randomInt(letters.length)]
      : i === 1
        ? digits[randomInt(digits.length)]
        : all[randomInt(all.length)],
  );
  // Move the guaranteed letter and digit to random places.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

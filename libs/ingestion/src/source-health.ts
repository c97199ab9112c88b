/** Exponential cooldown after repeated failures: base * 2^(failures-1) minutes, capped. */
export function cooldownMinutes(
  consecutiveFailures: number,
  baseMinutes: number,
  maxMinutes: number,
): number {
  if (consecutiveFailures <= 0) return 0;
  const exponent = Math.min(consecutiveFailures - 1, 30);
  return Math.min(baseMinutes * 2 ** exponent, maxMinutes);
}

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

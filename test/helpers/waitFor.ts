/**
 * Polls until `condition` holds. A deadline only turns a hang into a readable failure (generous: a
 * loaded machine runs ten times slower); tests never assert on durations.
 */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  options: { timeoutMs?: number; message?: () => string } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`waitFor timed out${options.message ? `: ${options.message()}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

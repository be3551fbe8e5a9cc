/**
 * Runs `each` over `items` in consecutive groups of at most `size` started together: a group's calls
 * run concurrently (so a store that batches requests made in the same turn sends their writes
 * together), the next group starts when every call of this one has settled. `between` runs before
 * every group after the first; when it answers false the rest is left undone. Resolves to whether every
 * item was handled. A call that rejects does not stop the others of its group; the first rejection is
 * rethrown once the group has settled (callers that must go on after a failure catch inside `each`).
 */
export async function inGroups<T>(
  items: readonly T[],
  size: number,
  each: (item: T, index: number) => Promise<void>,
  between?: () => Promise<boolean>,
): Promise<boolean> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`size must be a positive integer, got ${size}`);
  for (let start = 0; start < items.length; start += size) {
    if (start > 0 && between && !(await between())) return false;
    const end = Math.min(start + size, items.length);
    const calls: Array<Promise<void>> = [];
    for (let i = start; i < end; i++) calls.push(each(items[i] as T, i));
    try {
      await Promise.all(calls);
    } catch (error) {
      // Promise.all settles at the first rejection: let the rest of the group finish before rethrowing.
      await Promise.allSettled(calls);
      throw error;
    }
  }
  return true;
}

/**
 * A view of a checked pod computed once and shared by every rule that asks for it (containers,
 * ports, the name index, declarations, suppressions). Rules never change the manifest, and a
 * `PodManifest` (or one of its `PodContainer`s) lives for one check, so the value is kept on the
 * key object itself, under a symbol of its own: it dies with the check. (A WeakMap would do the
 * same, but every entry of one is an ephemeron that each garbage collection must trace again,
 * which showed in synth profiles with thousands of pods.)
 */
export class PerCheck<K extends object, V> {
  private readonly slot = Symbol('per-check');

  constructor(private readonly compute: (key: K) => V) {}

  public of(key: K): V {
    const held = (key as Record<symbol, V | undefined>)[this.slot];
    if (held !== undefined) return held;
    const value = this.compute(key);
    (key as Record<symbol, V>)[this.slot] = value;
    return value;
  }

  /** Sets the value for a key whose value is already known (the writer hands it to the readers). */
  public seed(key: K, value: V): void {
    (key as Record<symbol, V>)[this.slot] = value;
  }

  /** True when the key's value was computed or seeded. */
  public has(key: K): boolean {
    return (key as Record<symbol, V | undefined>)[this.slot] !== undefined;
  }
}

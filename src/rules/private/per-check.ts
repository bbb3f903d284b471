/**
 * A view of a checked pod computed once and shared by every rule that asks for it (containers,
 * ports, the name index, declarations, suppressions). Rules never change the manifest, and a
 * `PodManifest` lives for one check, so a WeakMap keyed by it (or by one of its containers) is
 * exactly as long-lived as the check.
 */
export class PerCheck<K extends object, V> {
  private readonly values = new WeakMap<K, V>();

  constructor(private readonly compute: (key: K) => V) {}

  public of(key: K): V {
    let value = this.values.get(key);
    if (value === undefined) {
      value = this.compute(key);
      this.values.set(key, value);
    }
    return value;
  }

  /** Sets the value for a key whose value is already known (the writer hands it to the readers). */
  public seed(key: K, value: V): void {
    this.values.set(key, value);
  }
}

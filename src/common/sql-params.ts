/** Builds parameter placeholders ($1, $2, …) while a statement is assembled from parts. */
export class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

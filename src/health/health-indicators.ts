/** How far the outbox relay is behind: the count and age of the unpublished outbox events. */
export interface RelayLag {
  unpublished: number;
  oldestSeconds: number;
}

/**
 * The relay's lag as the readiness probe reads it. Health defines what it asks and the module
 * that owns the outbox (the workflow) provides it under this token, so health knows no queue or
 * outbox table and the folders import each other one way only (workflow → health).
 */
export abstract class RelayLagIndicator {
  abstract lag(): Promise<RelayLag>;
}

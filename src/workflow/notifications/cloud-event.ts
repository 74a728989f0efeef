import { API_BASE_PATH } from '../../common/api-version';

/** The media type of a CloudEvent in the JSON format, structured mode (CloudEvents 1.0). */
export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json; charset=utf-8';

export interface CloudEventSettings {
  /** `CLOUDEVENTS_SOURCE`: a `urn:nld:` URN of organisation and system (NL GOV profile). */
  source: string;
  /** `CLOUDEVENTS_TYPE_PREFIX`: reverse DNS, e.g. `nl.amsterdam.brug`. */
  typePrefix: string;
  /** `PUBLIC_URL`: where `dataref` points. */
  publicUrl: string;
}

/**
 * A webhook body: one CloudEvent 1.0 in structured mode (issue 20, ADR 41), following the NL GOV
 * profile for CloudEvents where it says more than CloudEvents:
 *
 * - `id`: the outbox event's id, the same for every attempt and every subscriber, so a receiver
 *   drops a duplicate by (`source`, `id`);
 * - `source`: a URN naming the producer (`urn:nld:…`), never a data location;
 * - `type`: reverse DNS, `<prefix>.<Brug's event type>` (`nl.amsterdam.brug.case.transitioned`);
 * - `time`: when Brug recorded the event (its outbox row), which the profile asks for;
 * - `dataref`: the resource the event is about (the case), to read it as it is now;
 * - `data`: the event's facts (ids, from/to, stage), as JSON.
 */
export function cloudEvent(
  settings: CloudEventSettings,
  event: { id: string; type: string; time: Date; payload: Record<string, unknown> },
): Record<string, unknown> {
  const caseId = typeof event.payload.caseId === 'string' ? event.payload.caseId : null;
  return {
    specversion: '1.0',
    id: event.id,
    source: settings.source,
    type: `${settings.typePrefix}.${event.type}`,
    time: event.time.toISOString(),
    datacontenttype: 'application/json',
    ...(caseId ? { dataref: `${settings.publicUrl}${API_BASE_PATH}/cases/${caseId}` } : {}),
    data: event.payload,
  };
}

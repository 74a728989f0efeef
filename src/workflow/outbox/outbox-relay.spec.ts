import { jobsFor } from './outbox-relay';

describe('the reaction table of the outbox relay', () => {
  const row = (type: string, payload: Record<string, unknown> = {}) => ({
    id: 'e1',
    type,
    payload: { caseId: 'c1', ...payload },
  });
  const nobody = () => false;
  const everybody = () => true;

  it('routes filed cases and schedules deadlines of routed ones', () => {
    expect(jobsFor(row('case.filed'), nobody)).toEqual([
      { queue: 'routing', name: 'route-case', data: { caseId: 'c1', eventId: 'e1' } },
    ]);
    expect(jobsFor(row('case.transitioned', { to: 'routed' }), nobody)).toEqual([
      { queue: 'sla', name: 'schedule-sla', data: { caseId: 'c1' } },
      {
        queue: 'signals',
        name: 'make-signals',
        data: { eventId: 'e1', type: 'case.transitioned', payload: { caseId: 'c1', to: 'routed' } },
      },
    ]);
    expect(jobsFor(row('case.transitioned', { to: 'accepted' }), nobody)).toEqual([]);
  });

  it('schedules the deadline jobs again when a restart or an extension moved the due times', () => {
    for (const type of ['case.resumed', 'case.deadline_extended']) {
      expect(jobsFor(row(type), nobody)).toEqual([
        { queue: 'sla', name: 'schedule-sla', data: { caseId: 'c1' } },
      ]);
    }
    expect(jobsFor(row('case.suspended'), nobody)).toEqual([]);
  });

  it('makes a notification job only when someone may hear of the event', () => {
    const notify = jobsFor(row('note.added'), everybody).filter((j) => j.queue === 'notifications');
    expect(notify).toEqual([
      {
        queue: 'notifications',
        name: 'notify',
        data: { eventId: 'e1', type: 'note.added', payload: { caseId: 'c1' } },
      },
    ]);
    expect(
      jobsFor(row('note.added'), (t) => t === 'case.filed').filter(
        (j) => j.queue === 'notifications',
      ),
    ).toEqual([]);
  });

  it('makes signals of what needs a person, and of nothing else', () => {
    const signals = (type: string, payload: Record<string, unknown> = {}) =>
      jobsFor(row(type, payload), nobody).filter((j) => j.queue === 'signals').length;
    expect(signals('case.transitioned', { to: 'proposed' })).toBe(1);
    expect(signals('case.transitioned', { to: 'accepted' })).toBe(0);
    expect(signals('case.koppel_changed', { kind: 'changed' })).toBe(1);
    expect(signals('case.koppel_changed', { kind: 'taken_on' })).toBe(0);
    for (const type of ['case.sla_warning', 'case.sla_breached', 'funding.cofunding_proposed']) {
      expect(signals(type)).toBe(1);
    }
    expect(signals('note.added')).toBe(1);
    expect(signals('case.filed')).toBe(0);
  });
});

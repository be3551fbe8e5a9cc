import { NotAuthorizedError } from '../../../shared/domain/common';
import {
  ACTIONS,
  PERMISSIONS,
  actionForEvent,
  assertAllowed,
  assertEventAllowed,
  isAllowed,
  type Action,
} from '../../../shared/domain/ticket';
import type { ActorRole } from '../../../shared/domain/ticket';
import { REQUESTER, STAFF_L2, ev, plus } from './ticket-fixtures';

const ROLES: ActorRole[] = ['requester', 'L1', 'L2', 'L3', 'manager', 'system'];

describe('permission table', () => {
  test.each<[Action, ActorRole[]]>([
    ['approve-after-hours', ['L2', 'L3', 'manager']],
    ['escalate-to-L4', ['L2', 'L3', 'manager']],
    ['escalate', ['L1', 'L2', 'L3', 'manager']],
    ['decide-resolution', ['requester']],
    ['record-client-decision', ['L1', 'L2', 'L3', 'manager']],
    ['decide-budget-extension', ['requester']],
    ['request-after-hours', ['requester']],
    ['close-no-response', ['L2', 'manager', 'system']],
    ['manage-requesters', ['manager']],
    ['resolve', ['L1', 'L2', 'L3', 'manager']],
  ])('%s is allowed exactly to %p', (action, allowed) => {
    for (const role of ROLES) expect(isAllowed(role, action)).toBe(allowed.includes(role));
  });

  test('every action names at least one role', () => {
    for (const action of ACTIONS) expect(PERMISSIONS[action].length).toBeGreaterThan(0);
  });

  test('assertAllowed throws NotAuthorizedError with role and action', () => {
    expect(() => assertAllowed('L1', 'escalate-to-L4')).toThrow(NotAuthorizedError);
    expect(() => assertAllowed('L1', 'escalate-to-L4')).toThrow(
      expect.objectContaining({ actorRole: 'L1', action: 'escalate-to-L4', code: 'not-authorized' }),
    );
    expect(() => assertAllowed('manager', 'escalate-to-L4')).not.toThrow();
  });

  test('events map to actions: L1 cannot escalate to L4, a requester validates, staff cannot validate', () => {
    const toL4 = ev('escalated', plus(1), { from: 'L1', to: 'L4', reason: 'bug' }, { role: 'L1', id: 's1' });
    expect(actionForEvent(toL4)).toBe('escalate-to-L4');
    expect(() => assertEventAllowed(toL4)).toThrow(NotAuthorizedError);
    expect(() =>
      assertEventAllowed(ev('escalated', plus(1), { from: 'L1', to: 'L2', reason: 'x' }, { role: 'L1', id: 's1' })),
    ).not.toThrow();
    expect(() => assertEventAllowed(ev('resolution-validated', plus(1), {}, REQUESTER))).not.toThrow();
    expect(() => assertEventAllowed(ev('resolution-validated', plus(1), {}, STAFF_L2))).toThrow(NotAuthorizedError);
    // On the client's behalf only when pointing at the client's message.
    expect(() =>
      assertEventAllowed(
        ev('resolution-validated', plus(1), { clientMessageId: '<yes@acme.example>', onBehalfOf: 'ana@acme.example' }, STAFF_L2),
      ),
    ).not.toThrow();
    expect(() =>
      assertEventAllowed(ev('resolution-rejected', plus(1), { clientMessageId: '<no@acme.example>' }, REQUESTER)),
    ).toThrow(NotAuthorizedError);
    expect(actionForEvent(ev('note-added', plus(1), { text: 'x', internal: true }))).toBe('add-internal-note');
    expect(() => assertEventAllowed(ev('note-added', plus(1), { text: 'x', internal: true }, REQUESTER))).toThrow(
      NotAuthorizedError,
    );
  });
});

/**
 * What a notification says (its kind's message in the user's language, with
 * its parameters), as i18n key and parameters. A need assigned or reassigned
 * is told to its assignee and to the liaisons of its delivering units: only
 * the assignee reads "派给您"; a liaison reads that the unit takes part.
 */
export interface NotificationLike {
  kind: string;
  params?: unknown;
}

const ASSIGNMENTS = new Set(['NEED_ASSIGNED', 'NEED_REASSIGNED']);

export function notificationText(n: NotificationLike, myId: string | null): { key: string; params: Record<string, string> } {
  const raw = (n.params ?? {}) as Record<string, unknown>;
  const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v == null ? '' : String(v)]));
  if (params.validUntil) params.validUntil = params.validUntil.slice(0, 10);
  // Notifications written before assigneeId was kept say it as before.
  const toUnit = ASSIGNMENTS.has(n.kind) && typeof raw.assigneeId === 'string' && raw.assigneeId !== myId;
  return { key: `notifications.kinds.${n.kind}${toUnit ? '_UNIT' : ''}`, params };
}

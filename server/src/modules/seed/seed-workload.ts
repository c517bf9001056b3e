import type { EntityManager } from 'typeorm';
import {
  ACTIVITY_LIFECYCLE,
  FINISHED_NEED_STATUSES,
  lifecyclePath,
  lifecyclePathThrough,
  localParts,
  NEED_LIFECYCLE,
  SIGNUP_LIFECYCLE,
  zonedTime,
  type ActivityKind,
  type ActivityStatus,
  type CategoryCode,
  type NeedAction,
  type NeedStatus,
  type ShelfStatus,
  type SignupStatus,
} from '@alliance/shared';
import { Activity } from '../activity/activity.entity.js';
import { Need } from '../need/need.entity.js';
import { activityPoints, needPoints, type PointsRow } from '@alliance/shared';
import {
  ADDRESS_FORMS,
  CANCEL_REASONS,
  REJECTED_REQUESTS,
  SURNAMES,
  type ActivityTemplate,
  type NeedTheme,
} from './demo-data.js';
import { random } from './ids.js';

/*
 * The demo workload of an alliance: residents' needs with their whole
 * history, joint activities with sign-ups, and the points ledger those earn.
 * Everything is generated in memory from a seeded pseudo-random sequence:
 * the history on absolute dates (from the founding, through the article's
 * 2020 and its date, 2 August 2021), the present relative to `now`; then
 * written with a few bulk statements per table. Histories follow the shared
 * lifecycle tables (lifecyclePath), points the shared rules (needPoints,
 * activityPoints), dates the alliance's time zone (zonedTime, localParts):
 * the benchmark generator (test/bench/data.ts) uses the same helpers.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** What seedAlliance created and the workload refers to. */
export interface SeededAlliance {
  allianceId: string;
  id: (kind: string, n: number | string) => string;
  gridCount: number;
  /** When its history begins: nothing is reported or created before. */
  foundedAt: Date;
  units: { id: string; name: string; joinedAt: Date }[];
  projects: { id: string; title: string; unit: number; status: ShelfStatus; onShelfAt: Date }[];
  categoryId: (code: CategoryCode) => string;
  committee: { id: string; displayName: string };
  /** The admin user of each unit (by index), when it has one. */
  unitAdmins: Map<number, { id: string; displayName: string }>;
  /** The grid worker of each grid (by index), when it has one. */
  gridWorkers: Map<number, { id: string; displayName: string }>;
}

/** One block of needs: how many of each theme end in which status, reported when. */
export interface NeedBlock {
  /**
   * Where reported_at falls: a fixed calendar year (local time; the finished
   * ones also finished within it), local days from one date up to (not
   * including) another or some days before now (the finished ones finished
   * by then; `perYear` says how many), or days before now.
   */
  reported: { year: number } | { from: string; to: string | { daysAgo: number } } | { daysAgo: [number, number] };
  items: { status: NeedStatus; count?: number; perYear?: number; themes?: string[]; overdue?: number }[];
}

/** Completed activities (and a few cancelled) spread over a stretch of the past. */
export interface ActivityEra {
  /** YYYY-MM-DD, local. */
  from: string;
  /** YYYY-MM-DD, local; or so many days before now. */
  to: string | { daysAgo: number };
  /** How many completed: a number, or so many per month of the era. */
  completed: number | { perMonth: number };
  /** Every activity of the era is of these kinds but every `otherEvery`-th, which is of another kind. */
  kinds?: readonly ActivityKind[];
  otherEvery?: number;
  cancelled: number | { perMonth: number };
}

export interface WorkloadPlan {
  seed: number;
  placePrefix: string;
  themes: NeedTheme[];
  /** Themes used only where a block names them. */
  namedOnlyThemes: NeedTheme[];
  needBlocks: NeedBlock[];
  /** Needs placed on purpose at a local-time boundary (reported at the given local time). */
  boundaryNeeds: { local: [number, number, number, number, number]; status: NeedStatus; theme: string }[];
  templates: ActivityTemplate[];
  /** The past eras of joint activities, before the last `activities.spanDays`. */
  activityEras: ActivityEra[];
  /** The recent ones: over the last `spanDays`, and those still to come. */
  activities: { completed: number; linkedToNeeds: number; cancelled: number; ongoing: number; open: number; full: number; draft: number; spanDays: number };
  /** How keen each unit (by index) is to sign up; 1 = average. */
  unitEngagement: number[];
  /** Each unit's usual follow-up satisfaction (3..5). */
  unitQuality: number[];
  /** Relative weight of each grid as the place a need comes from. */
  gridWeights: number[];
}

interface Rng {
  (): number;
  int(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
  hours(min: number, max: number): number;
  weighted(weights: readonly number[]): number;
}

function rng(seed: number): Rng {
  const next = random(seed) as Rng;
  next.int = (min, max) => min + Math.floor(next() * (max - min + 1));
  next.pick = (list) => list[Math.floor(next() * list.length)]!;
  next.hours = (min, max) => Math.round((min + next() * (max - min)) * HOUR);
  next.weighted = (weights) => {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  };
  return next;
}

/** The local calendar day `daysAgo` days before `now`, at a local hour. */
function localDayAt(now: Date, daysAgo: number, hour: number, minute = 0): Date {
  const l = localParts(now);
  return zonedTime(l.year, l.month, l.day - daysAgo, hour, minute);
}

/** A local date (YYYY-MM-DD) `days` days on, at a local hour. */
function localDayFrom(day: string, days: number, hour = 0, minute = 0): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return zonedTime(y, m, d + days, hour, minute);
}

const localMonth = (d: Date) => localParts(d).month;
const localYear = (d: Date) => localParts(d).year;
const localDayLabel = (d: Date) => {
  const l = localParts(d);
  return `${l.month}月${l.day}日`;
};

/** The need's way from REPORTED to a status through the shared table, as the set of actions it took. */
function needActions(status: NeedStatus): { steps: ReturnType<typeof lifecyclePath<NeedStatus, NeedAction>>; did: (a: NeedAction) => boolean } {
  const steps = lifecyclePath(NEED_LIFECYCLE, 'REPORTED', status);
  const took = new Set(steps.map((s) => s.action));
  return { steps, did: (a) => took.has(a) };
}
const OUTDOOR = new Set(['CHARGER', 'STREETLIGHT', 'SNOW', 'ZOMBIE', 'GREEN', 'GARBAGE', 'PATROL']);

type NeedRow = Need;
interface EventRow { needId: string; actorId: string; at: Date; from: NeedStatus | null; to: NeedStatus; comment: string | null }
interface NeedProjectRow { needId: string; projectId: string; at: Date }
interface ClaimRow { needId: string; unitId: string; claimedBy: string; at: Date }
interface DeliveryRow { needId: string; unitId: string; at: Date }
interface SignupRow { id: string; activityId: string; unitId: string; status: SignupStatus; headcount: number; note: string | null; createdAt: Date; updatedAt: Date }

/** A generated need and what the activities may link it to. */
interface GeneratedNeed { row: NeedRow; theme: string; assignedAt: Date | null; delivering: string[] }

export function generateWorkload(a: SeededAlliance, plan: WorkloadPlan, now: Date) {
  const r = rng(plan.seed);
  const nowMs = now.getTime();
  const needs: GeneratedNeed[] = [];
  const events: EventRow[] = [];
  const needProjects: NeedProjectRow[] = [];
  const claims: ClaimRow[] = [];
  const deliveries: DeliveryRow[] = [];
  const themeByKey = new Map([...plan.themes, ...plan.namedOnlyThemes].map((t) => [t.key, t]));

  const unitJoined = (unit: number, at: Date) => a.units[unit]!.joinedAt.getTime() <= at.getTime();
  const adminOf = (unit: number) => a.unitAdmins.get(unit);

  /**
   * One need that ends in `status`. Step durations are drawn first; then
   * reported_at is placed so that every event lies before now (and, for
   * overdue ones, the due date too).
   */
  function makeNeed(theme: NeedTheme | null, status: NeedStatus, when: { at: Date; finishBy?: Date } | { daysAgo: [number, number] }, overdue: boolean) {
    const n = needs.length;
    const { steps, did } = needActions(status);
    const needId = a.id('need', n);
    const grid = r.weighted(plan.gridWeights.slice(0, a.gridCount));
    const worker = a.gridWorkers.get(grid);
    const reporter = worker && r() < 0.85 ? worker : a.committee;
    const rejected = status === 'REJECTED' ? r.pick(REJECTED_REQUESTS) : null;

    // Offsets from reported_at (ms) of each step, drawn whether used or not.
    const rel = {
      screen: r.hours(3, 40),
      claim: 0,
      order: 0,
      plan: 0,
      due: 0,
      assign: 0,
      resolve: 0,
      followUp: 0,
    };
    rel.claim = rel.screen + r.hours(2, 36);
    rel.order = rel.claim + r.hours(4, 60);
    rel.plan = rel.order + r.hours(10, 60);
    rel.due = rel.plan + r.hours(5 * 24, 25 * 24);
    rel.assign = rel.plan + r.hours(2, 40);
    rel.resolve = rel.assign + r.hours(24, 12 * 24);
    if (rel.resolve > rel.due && r() < 0.7) rel.resolve = rel.due - r.hours(2, 20);
    if (rel.resolve <= rel.assign) rel.resolve = rel.assign + r.hours(20, 30);
    rel.followUp = rel.resolve + r.hours(24, 6 * 24);
    // When each action of the loop happens (claims are not status changes: rel.claim).
    const offsetOf: Partial<Record<NeedAction, number>> = {
      accept: rel.screen,
      reject: rel.screen,
      order: rel.order,
      plan: rel.plan,
      assign: rel.assign,
      resolve: rel.resolve,
      followUp: rel.followUp,
    };
    const last = steps.length ? offsetOf[steps[steps.length - 1]!.action]! : 0;

    let reportedAt: Date;
    if ('at' in when) {
      reportedAt = when.at;
      // A finished need of a closed year finished within it (the article counts 2020's as solved in 2020).
      if (when.finishBy && FINISHED_NEED_STATUSES.includes(status) && reportedAt.getTime() + last >= when.finishBy.getTime()) {
        reportedAt = new Date(when.finishBy.getTime() - last - r.hours(3, 72));
      }
    } else {
      // How long ago the last event was.
      let age: number;
      const [minDays, maxDays] = when.daysAgo;
      if (status === 'PLANNED' || status === 'IN_PROGRESS') {
        const dueAfterLast = rel.due - last;
        age = overdue ? dueAfterLast + r.hours(24, 12 * 24) : r.hours(1, Math.max(2, dueAfterLast / HOUR - 30));
      } else if (status === 'REPORTED') age = r.hours(1, 5 * 24);
      else if (status === 'ACCEPTED' || status === 'ORDERED') age = r.hours(2, 9 * 24);
      else if (status === 'RESOLVED') age = r.hours(2, 6 * 24);
      else age = r.hours(Math.max(minDays * 24 - last / HOUR, 24), Math.max(maxDays * 24 - last / HOUR, 48));
      reportedAt = new Date(Math.min(nowMs - age - last, nowMs - minDays * DAY));
    }
    if (reportedAt < a.foundedAt) throw new Error(`demo need ${n}: reported before the alliance was founded`);
    const at = (offset: number) => new Date(reportedAt.getTime() + offset);

    // Who serves it: ordered shelf projects (on the shelf by then) and/or a unit's claim.
    const orderAt = at(rel.order);
    const claimAt = at(rel.claim);
    const projectIdx: number[] = [];
    const claimUnits: number[] = [];
    const claimant = (prefs: number[]) =>
      prefs.find((u) => u < a.units.length && adminOf(u) && unitJoined(u, claimAt));
    if (theme && did('order')) {
      const onShelf = theme.projects.filter((p) => {
        const pr = a.projects[p];
        return pr && pr.status === 'ON_SHELF' && pr.onShelfAt.getTime() < orderAt.getTime() - HOUR;
      });
      const anyClaimant = claimant([theme.unit, 4, 5, 0, ...a.units.keys()]);
      if (onShelf.length && (r() < 0.8 || anyClaimant === undefined)) {
        projectIdx.push(onShelf[0]!);
        if (onShelf[1] !== undefined && r() < 0.25) projectIdx.push(onShelf[1]);
      }
      if (projectIdx.length === 0 || r() < 0.2) {
        // With an order, another unit sometimes offers help too (星火志愿者协会 often does).
        const unit = projectIdx.length ? claimant([r() < 0.5 ? 5 : theme.unit, theme.unit]) : anyClaimant;
        if (unit !== undefined && !projectIdx.some((p) => a.projects[p]!.unit === unit && r() < 0.5)) claimUnits.push(unit);
      }
      if (!projectIdx.length && !claimUnits.length) throw new Error(`demo need ${n}: no project or unit could serve it`);
    } else if (theme && status === 'ACCEPTED' && r() < 0.35 && claimAt.getTime() < nowMs - HOUR) {
      // Claimed and waiting for the committee's order.
      const unit = claimant([theme.unit, 5]);
      if (unit !== undefined) claimUnits.push(unit);
    }
    const servedBy = [...new Set([...projectIdx.map((p) => a.projects[p]!.unit), ...claimUnits])];
    // The plan names the delivering units (only they earn points): by default all of them; but every other
    // need where a unit offered help beside the ordered projects' units is delivered by those units alone,
    // so the demo shows claims that earned nothing. (No draw from the sequence: the rest stays as it was.)
    const projectUnits = new Set(projectIdx.map((p) => a.projects[p]!.unit));
    const delivering = n % 2 === 1 && projectUnits.size ? servedBy.filter((u) => projectUnits.has(u)) : servedBy;

    // Assignee: the serving unit's admin, the grid's worker, or the committee.
    let assignee: { id: string; displayName: string } | null = null;
    if (did('assign')) {
      const x = r();
      const unitAdmin = servedBy.length ? adminOf(servedBy[0]!) : undefined;
      assignee = x < 0.55 && unitAdmin ? unitAdmin : x < 0.88 && worker ? worker : a.committee;
    }
    const quality = servedBy.length ? plan.unitQuality[servedBy[0]!] ?? 4.4 : 4.4;
    const satisfaction = status === 'CLOSED' ? Math.max(3, Math.min(5, Math.round(quality + (r() - 0.5) * 1.6))) : null;
    const followUpActor = worker && r() < 0.8 ? worker : a.committee;

    const title = rejected ? rejected.title : r.pick(theme!.titles);
    const description = rejected ? rejected.detail : r.pick(theme!.details);
    const building = grid * 6 + r.int(1, 6);
    const location = theme && OUTDOOR.has(theme.key) ? `${plan.placePrefix}${building}号楼前` : `${plan.placePrefix}${building}号楼${r.int(1, 4)}单元`;
    const category = theme && r() < 0.9 ? a.categoryId(theme.category) : null;

    // The history: every step of the lifecycle's way from REPORTED to the current status, who took it and why.
    const history: EventRow[] = [{ needId, actorId: reporter.id, at: reportedAt, from: null, to: 'REPORTED', comment: null }];
    const orderComment = () =>
      [...projectIdx.map((p) => `派单至「${a.projects[p]!.title}」`), ...claimUnits.map((u) => `${a.units[u]!.name}认领`)].join('；');
    const how: Partial<Record<NeedAction, () => { actor: { id: string }; comment: string | null }>> = {
      reject: () => ({ actor: a.committee, comment: rejected!.reason }),
      accept: () => ({ actor: a.committee, comment: '初审通过，进入派单。' }),
      order: () => ({ actor: a.committee, comment: orderComment() }),
      plan: () => ({ actor: a.committee, comment: `方案已定，${localDayLabel(at(rel.due))}前办结。` }),
      assign: () => ({ actor: a.committee, comment: `指派给${assignee!.displayName}` }),
      resolve: () => ({ actor: assignee!, comment: theme!.resolution || '已办结。' }),
      followUp: () => ({ actor: followUpActor, comment: `回访满意度 ${satisfaction} 分${satisfaction === 5 ? '，居民非常满意' : ''}。` }),
    };
    for (const step of steps) {
      const { actor, comment } = how[step.action]!();
      history.push({ needId, actorId: actor.id, at: at(offsetOf[step.action]!), from: step.from, to: step.to, comment });
    }
    events.push(...history);

    for (const p of projectIdx) needProjects.push({ needId, projectId: a.projects[p]!.id, at: orderAt });
    if (did('plan')) for (const u of delivering) deliveries.push({ needId, unitId: a.units[u]!.id, at: at(rel.plan) });
    for (const u of claimUnits) {
      // An ACCEPTED need's claim is what it waits on; an ORDERED one's came before the order.
      claims.push({ needId, unitId: a.units[u]!.id, claimedBy: adminOf(u)!.id, at: claimAt });
    }

    const requester = `${r.pick(SURNAMES)}${r.pick(ADDRESS_FORMS)}`;
    const phone = `1${r.pick(['3', '5', '7', '8', '9'])}${String(r.int(0, 999_999_999)).padStart(9, '0')}`;
    const lastEvent = history[history.length - 1]!;
    const row: NeedRow = {
      id: needId,
      allianceId: a.allianceId,
      gridId: a.id('grid', grid),
      source: 'STAFF',
      verifiedAt: null,
      verifiedBy: null,
      categoryId: category,
      title,
      description,
      location,
      requesterName: requester,
      requesterPhone: phone,
      status,
      plan: did('plan') ? theme!.plan : null,
      dueAt: did('plan') ? at(rel.due) : null,
      assigneeId: assignee?.id ?? null,
      resolution: did('resolve') ? theme!.resolution : null,
      satisfaction,
      reportedBy: reporter.id,
      reportedAt,
      resolvedAt: did('resolve') ? at(rel.resolve) : null,
      followedUpAt: did('followUp') ? at(rel.followUp) : null,
      createdAt: reportedAt,
      updatedAt: lastEvent.at,
      version: history.length,
    };
    needs.push({ row, theme: theme?.key ?? 'REJECTED', assignedAt: did('assign') ? at(rel.assign) : null, delivering: delivering.map((u) => a.units[u]!.id) });
  }

  for (const block of plan.needBlocks) {
    const rep = block.reported;
    // A stretch from a date to another or to some days before now (then its length depends on today).
    let stretch: { start: Date; end: Date; days: number } | null = null;
    if ('from' in rep) {
      const start = localDayFrom(rep.from, 0);
      const end = typeof rep.to === 'string' ? localDayFrom(rep.to, 0) : localDayAt(now, rep.to.daysAgo, 0);
      stretch = { start, end, days: Math.max(0, Math.round((end.getTime() - start.getTime()) / DAY)) };
    }
    for (const item of block.items) {
      const pool = (item.themes ?? plan.themes.map((t) => t.key)).map((k) => themeByKey.get(k)!);
      const count = item.count ?? Math.round(((item.perYear ?? 0) * (stretch?.days ?? 0)) / 365);
      for (let i = 0; i < count; i++) {
        const theme = item.status === 'REJECTED' ? null : r.pick(pool);
        const overdue = i < (item.overdue ?? 0);
        if ('year' in rep) {
          // Spread over the year in local time, office hours.
          const at = zonedTime(rep.year, 1, 1 + r.int(0, 364), r.int(8, 19), r.int(0, 59));
          makeNeed(theme, item.status, { at, finishBy: zonedTime(rep.year + 1, 1, 1) }, overdue);
        } else if ('from' in rep && stretch) {
          // Evenly over the stretch's local days, office hours.
          const day = Math.floor(((i + r()) * stretch.days) / count);
          makeNeed(theme, item.status, { at: localDayFrom(rep.from, day, r.int(8, 18), r.int(0, 59)), finishBy: stretch.end }, overdue);
        } else if ('daysAgo' in rep) {
          makeNeed(theme, item.status, { daysAgo: rep.daysAgo }, overdue);
        }
      }
    }
  }
  for (const b of plan.boundaryNeeds) {
    const [y, m, d, h, min] = b.local;
    makeNeed(themeByKey.get(b.theme)!, b.status, { at: zonedTime(y, m, d, h, min) }, false);
  }

  /* ---------------------------- activities ---------------------------- */
  const activities: Partial<Activity>[] = [];
  const signups: SignupRow[] = [];
  const activityProjects: { activityId: string; projectId: string }[] = [];
  const activityNeeds: { activityId: string; needId: string }[] = [];
  const A = plan.activities;

  /** The version an activity has after the lifecycle's way through these statuses (one bump per step). */
  const versionAfter = (statuses: ActivityStatus[]) => 1 + lifecyclePathThrough(ACTIVITY_LIFECYCLE, statuses).length;
  // Sign-ups leave CONFIRMED/WAITLISTED only by the sign-up table's ways (a withdrawal, the activity's cancellation).
  const signupEnds = (status: SignupStatus) => status === 'CONFIRMED' || status === 'WAITLISTED' || lifecyclePath(SIGNUP_LIFECYCLE, 'CONFIRMED', status).length > 0;

  /** Sign-ups of `count` units (by engagement), one after another from `createdAt`; returns the time of the last. */
  function signUp(activityId: string, startsAt: Date, createdAt: Date, count: number, status: SignupStatus, exclude: Set<number>, preferred?: number): Date {
    if (!signupEnds(status)) throw new Error(`a sign-up cannot end ${status}`);
    const chosen: number[] = [];
    const eligible = a.units.map((u, i) => i).filter((i) => !exclude.has(i) && unitJoined(i, createdAt));
    if (preferred !== undefined && eligible.includes(preferred) && r() < 0.85) chosen.push(preferred);
    while (chosen.length < count) {
      const left = eligible.filter((i) => !chosen.includes(i));
      if (!left.length) break;
      chosen.push(left[r.weighted(left.map((i) => plan.unitEngagement[i] ?? 1))]!);
    }
    let t = createdAt.getTime();
    for (const unit of chosen) {
      exclude.add(unit);
      t = Math.min(t + r.hours(1, 30), startsAt.getTime() - HOUR, nowMs - HOUR);
      signups.push({
        id: a.id('signup', signups.length),
        activityId,
        unitId: a.units[unit]!.id,
        status,
        headcount: r.int(2, unit === 5 ? 20 : 10),
        note: r() < 0.2 ? '党员志愿者带队' : null,
        createdAt: new Date(t),
        updatedAt: new Date(t),
      });
    }
    return new Date(t);
  }

  function makeActivity(status: ActivityStatus, startsAt: Date, endsAt: Date, template: ActivityTemplate, links: string[] = []) {
    const activityId = a.id('activity', activities.length);
    // Created a week or more ahead, and never in the future.
    const createdAt = new Date(Math.min(startsAt.getTime() - r.hours(6 * 24, 20 * 24), nowMs - r.hours(5 * 24, 12 * 24)));
    if (createdAt < a.foundedAt) throw new Error(`demo activity ${activities.length}: created before the alliance was founded`);
    const maxUnits = r() < 0.4 ? null : r.int(3, 8);
    const projectIdx = template.project;
    const project = projectIdx === undefined ? undefined : a.projects[projectIdx];
    if (project && project.status === 'ON_SHELF' && project.onShelfAt.getTime() < createdAt.getTime()) {
      activityProjects.push({ activityId, projectId: project.id });
    }
    for (const needId of links) activityNeeds.push({ activityId, needId });
    const base: Partial<Activity> = {
      id: activityId,
      allianceId: a.allianceId,
      title: template.title,
      description: template.description,
      kind: template.kind,
      categoryId: template.category ? a.categoryId(template.category) : null,
      status,
      startsAt,
      endsAt,
      location: template.location,
      maxUnits,
      outcomeParticipants: null,
      outcomeVolunteerHours: null,
      outcomeBeneficiaries: null,
      outcomeSummary: null,
      cancelReason: null,
      createdAt,
      updatedAt: createdAt,
      version: 1,
    };
    activities.push(base);
    const preferred = project?.unit;
    const signupFrom = new Date(createdAt.getTime() + r.hours(12, 48));
    const taken = new Set<number>();
    if (status === 'COMPLETED') {
      const want = Math.min(maxUnits ?? 8, r.int(2, 6));
      const before = signups.length;
      signUp(activityId, startsAt, signupFrom, want, 'CONFIRMED', taken, preferred);
      if (r() < 0.12) {
        const withdrawn = signups.length;
        signUp(activityId, startsAt, signupFrom, 1, 'WITHDRAWN', taken);
        const w = signups[withdrawn];
        if (w) w.updatedAt = new Date(Math.max(w.createdAt.getTime() + HOUR, startsAt.getTime() - r.hours(10, 40)));
      }
      const mine = signups.slice(before).filter((s) => s.status === 'CONFIRMED');
      const hours = (endsAt.getTime() - startsAt.getTime()) / HOUR;
      const participants = mine.reduce((sum, s) => sum + s.headcount, 0) + r.int(0, 8);
      base.outcomeParticipants = participants;
      base.outcomeVolunteerHours = Math.round(participants * hours * 10) / 10;
      base.outcomeBeneficiaries = r.int(template.beneficiaries[0], template.beneficiaries[1]);
      base.outcomeSummary = `${template.summary}共${mine.length}家共建单位、${participants}名志愿者参与。`;
      base.updatedAt = new Date(endsAt.getTime() + r.hours(1, 20));
      base.version = versionAfter(['DRAFT', 'COMPLETED']);
    } else if (status === 'ONGOING') {
      signUp(activityId, startsAt, signupFrom, Math.min(maxUnits ?? 5, r.int(2, 4)), 'CONFIRMED', taken, preferred);
      base.updatedAt = startsAt;
      base.version = versionAfter(['DRAFT', 'ONGOING']);
    } else if (status === 'CANCELLED') {
      // Cancelling ended the sign-ups it had (docs/adoption.md "Activities: dates").
      if (r() < 0.5) signUp(activityId, startsAt, signupFrom, Math.min(maxUnits ?? 3, r.int(1, 3)), 'ACTIVITY_CANCELLED', taken, preferred);
      base.cancelReason = r.pick(CANCEL_REASONS);
      base.updatedAt = new Date(Math.min(startsAt.getTime() - r.hours(2, 30), nowMs - HOUR));
      // Published, then cancelled.
      base.version = versionAfter(['DRAFT', 'OPEN', 'CANCELLED']);
    } else if (status === 'OPEN') {
      base.version = versionAfter(['DRAFT', 'OPEN']);
      base.updatedAt = new Date(Math.min(signupFrom.getTime(), nowMs - 2 * HOUR));
    }
    return base;
  }

  const templatesFor = (at: Date, kinds?: (k: ActivityKind) => boolean) => {
    const month = localMonth(at);
    const year = localYear(at);
    const fits = plan.templates.filter((t) => (!kinds || kinds(t.kind)) && (!t.years || t.years.includes(year)));
    const inSeason = fits.filter((t) => !t.months || t.months.includes(month));
    return inSeason.length ? inSeason : fits;
  };

  // The past eras, oldest first: completed activities spread evenly, a few cancelled ones between them.
  for (const era of plan.activityEras) {
    const start = localDayFrom(era.from, 0);
    const end = typeof era.to === 'string' ? localDayFrom(era.to, 0) : localDayAt(now, era.to.daysAgo, 0);
    const days = Math.floor((end.getTime() - start.getTime()) / DAY);
    if (days <= 0) continue;
    const howMany = (c: number | { perMonth: number }) => (typeof c === 'number' ? c : Math.round((c.perMonth * days) / 30.4));
    const completed = howMany(era.completed);
    for (let k = 0; k < completed; k++) {
      const startsAt = new Date(start.getTime() + Math.floor(((k + r()) * days) / completed) * DAY + r.pick([9, 9, 14, 14, 15]) * HOUR + r.pick([0, 30]) * 60_000);
      const endsAt = new Date(startsAt.getTime() + r.pick([2, 2.5, 3, 4]) * HOUR);
      const other = era.otherEvery !== undefined && k % era.otherEvery === era.otherEvery - 1;
      const kinds = era.kinds ? (kind: ActivityKind) => era.kinds!.includes(kind) !== other : undefined;
      makeActivity('COMPLETED', startsAt, endsAt, r.pick(templatesFor(startsAt, kinds)));
    }
    const cancelled = howMany(era.cancelled);
    for (let k = 0; k < cancelled; k++) {
      const startsAt = new Date(start.getTime() + Math.floor(((k + r()) * days) / cancelled) * DAY + 9 * HOUR);
      makeActivity('CANCELLED', startsAt, new Date(startsAt.getTime() + 3 * HOUR), r.pick(templatesFor(startsAt)));
    }
  }

  // Completed activities tied to needs they took on: right before the need was resolved.
  const linkable = needs.filter(
    (n) =>
      (n.row.status === 'CLOSED' || n.row.status === 'RESOLVED') &&
      n.row.resolvedAt &&
      n.row.resolvedAt.getTime() > nowMs - (A.spanDays - 5) * DAY &&
      plan.templates.some((t) => t.needThemes?.includes(n.theme) && (!t.months || t.months.includes(localMonth(n.row.resolvedAt!)))),
  );
  let linked = 0;
  for (let i = 0; i < linkable.length && linked < A.linkedToNeeds; i += Math.max(1, Math.floor(linkable.length / A.linkedToNeeds))) {
    const need = linkable[i]!;
    const template = plan.templates.find((t) => t.needThemes?.includes(need.theme) && (!t.months || t.months.includes(localMonth(need.row.resolvedAt!))))!;
    const endsAt = new Date(need.row.resolvedAt!.getTime() - 2 * HOUR);
    const startsAt = new Date(endsAt.getTime() - 3 * HOUR);
    if (need.assignedAt && startsAt.getTime() <= need.assignedAt.getTime()) continue;
    makeActivity('COMPLETED', startsAt, endsAt, template, [need.row.id]);
    linked++;
  }
  // The rest of the completed ones, spread evenly over the span, seasonal templates in season.
  const spread = A.completed - linked;
  for (let k = 0; k < spread; k++) {
    const daysAgo = 2 + Math.floor(((k + r()) * (A.spanDays - 4)) / spread);
    const startsAt = localDayAt(now, daysAgo, r.pick([9, 9, 14, 14, 15]), r.pick([0, 30]));
    const endsAt = new Date(startsAt.getTime() + r.pick([2, 2.5, 3, 4]) * HOUR);
    makeActivity('COMPLETED', startsAt, endsAt, r.pick(templatesFor(startsAt)));
  }
  for (let k = 0; k < A.cancelled; k++) {
    const daysAgo = k < 2 ? -r.int(3, 20) : Math.floor(((k + r()) * A.spanDays) / A.cancelled);
    const startsAt = localDayAt(now, daysAgo, 9);
    makeActivity('CANCELLED', startsAt, new Date(startsAt.getTime() + 3 * HOUR), r.pick(templatesFor(startsAt)));
  }
  const openNeeds = needs.filter((n) => ['ACCEPTED', 'ORDERED', 'PLANNED', 'IN_PROGRESS'].includes(n.row.status) && n.row.reportedAt.getTime() > nowMs - 60 * DAY);
  for (let k = 0; k < A.ongoing; k++) {
    const startsAt = new Date(nowMs - (k === 0 ? DAY : r.hours(1, 3)));
    const endsAt = new Date(nowMs + (k === 0 ? 2 * DAY : r.hours(2, 5)));
    const template = r.pick(templatesFor(startsAt));
    const links = openNeeds.filter((n) => n.row.status === 'IN_PROGRESS' && template.needThemes?.includes(n.theme)).slice(0, 2).map((n) => n.row.id);
    makeActivity('ONGOING', startsAt, endsAt, template, links);
  }
  for (let k = 0; k < A.open; k++) {
    const startsAt = localDayAt(now, -r.int(3, 28), r.pick([9, 14]));
    const template = r.pick(templatesFor(startsAt));
    const links = openNeeds.filter((n) => template.needThemes?.includes(n.theme)).slice(0, 2).map((n) => n.row.id);
    const act = makeActivity('OPEN', startsAt, new Date(startsAt.getTime() + 3 * HOUR), template, links);
    const from = act.updatedAt!;
    const taken = new Set<number>();
    // Sign-ups so far lie in the past.
    const latest = new Date(nowMs - HOUR);
    if (k < A.full) {
      // Full: maxUnits confirmed, the next ones waitlisted.
      act.maxUnits = 3;
      const lastConfirmed = signUp(act.id!, latest, from, 3, 'CONFIRMED', taken);
      signUp(act.id!, latest, lastConfirmed, r.int(1, 2), 'WAITLISTED', taken);
    } else {
      const count = r.int(0, Math.min(act.maxUnits ?? 4, 4));
      signUp(act.id!, latest, from, count, 'CONFIRMED', taken);
      if (k === A.full) {
        // One unit withdrew and signed up again later: one WITHDRAWN and one live sign-up of the same unit.
        const unitIndex = a.units.findIndex((u, i) => !taken.has(i) && unitJoined(i, from));
        if (unitIndex >= 0) {
          const t = from.getTime();
          signups.push({ id: a.id('signup', signups.length), activityId: act.id!, unitId: a.units[unitIndex]!.id, status: 'WITHDRAWN', headcount: 4, note: '人员调整，先撤回', createdAt: new Date(t + HOUR), updatedAt: new Date(t + 5 * HOUR) });
          signups.push({ id: a.id('signup', signups.length), activityId: act.id!, unitId: a.units[unitIndex]!.id, status: 'CONFIRMED', headcount: 3, note: '重新报名', createdAt: new Date(t + 10 * HOUR), updatedAt: new Date(t + 10 * HOUR) });
          act.maxUnits = act.maxUnits === null ? null : Math.max(act.maxUnits!, count + 1);
        }
      }
    }
  }
  for (let k = 0; k < A.draft; k++) {
    const startsAt = localDayAt(now, -r.int(10, 45), 9);
    const act = makeActivity('DRAFT', startsAt, new Date(startsAt.getTime() + 3 * HOUR), r.pick(templatesFor(startsAt)));
    act.createdAt = new Date(nowMs - r.hours(2, 5 * 24));
    act.updatedAt = act.createdAt;
  }

  // The points ledger, by the shared rules, from what the history says happened.
  const points: (PointsRow & { note: string })[] = [];
  for (const n of needs) {
    for (const p of needPoints(n.row, n.delivering)) points.push({ ...p, note: `${p.source === 'NEED_RESOLVED' ? '解决群众需求' : '回访满意'}：${n.row.title}`.slice(0, 200) });
  }
  const confirmedOf = new Map<string, string[]>();
  for (const s of signups) if (s.status === 'CONFIRMED') confirmedOf.set(s.activityId, [...(confirmedOf.get(s.activityId) ?? []), s.unitId]);
  for (const act of activities) {
    for (const p of activityPoints(act as { id: string; status: ActivityStatus; endsAt: Date }, confirmedOf.get(act.id!) ?? [])) {
      points.push({ ...p, note: `完成联建活动：${act.title}`.slice(0, 200) });
    }
  }

  return { needs: needs.map((n) => n.row), events, needProjects, claims, deliveries, activities, signups, activityProjects, activityNeeds, points };
}

/** Writes a generated workload: a few bulk statements per table, then the points it earned. */
export async function insertWorkload(m: EntityManager, allianceId: string, w: ReturnType<typeof generateWorkload>) {
  await m.insert(Need, w.needs);
  await m.query(
    `INSERT INTO need_event (alliance_id, need_id, actor_id, at, from_status, to_status, comment)
     SELECT $1, e.need_id, e.actor_id, e.at, e.from_status, e.to_status, e.comment
       FROM unnest($2::uuid[], $3::uuid[], $4::timestamptz[], $5::text[], $6::text[], $7::text[])
         WITH ORDINALITY AS e(need_id, actor_id, at, from_status, to_status, comment, n)
      ORDER BY e.n`,
    [allianceId, w.events.map((e) => e.needId), w.events.map((e) => e.actorId), w.events.map((e) => e.at), w.events.map((e) => e.from), w.events.map((e) => e.to), w.events.map((e) => e.comment)],
  );
  if (w.needProjects.length) {
    await m.query(
      `INSERT INTO need_project (need_id, shelf_project_id, alliance_id, created_at)
       SELECT x.need_id, x.project_id, $1, x.at FROM unnest($2::uuid[], $3::uuid[], $4::timestamptz[]) AS x(need_id, project_id, at)`,
      [allianceId, w.needProjects.map((x) => x.needId), w.needProjects.map((x) => x.projectId), w.needProjects.map((x) => x.at)],
    );
    // The history's orders were the committee's decisions: the projects learned from them (docs/matching.md).
    await m.query(
      `INSERT INTO project_learned_need (shelf_project_id, need_id, alliance_id, source, text, created_at)
       SELECT np.shelf_project_id, n.id, n.alliance_id, 'ORDER', n.title || '。' || coalesce(n.description, ''), np.created_at
         FROM need_project np JOIN need n ON n.id = np.need_id
        WHERE np.alliance_id = $1 AND np.need_id = ANY($2::uuid[])
       ON CONFLICT DO NOTHING`,
      [allianceId, [...new Set(w.needProjects.map((x) => x.needId))]],
    );
  }
  if (w.claims.length) {
    await m.query(
      `INSERT INTO need_claim (need_id, unit_id, alliance_id, claimed_by, created_at)
       SELECT x.need_id, x.unit_id, $1, x.claimed_by, x.at FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::timestamptz[]) AS x(need_id, unit_id, claimed_by, at)`,
      [allianceId, w.claims.map((x) => x.needId), w.claims.map((x) => x.unitId), w.claims.map((x) => x.claimedBy), w.claims.map((x) => x.at)],
    );
  }
  if (w.deliveries.length) {
    await m.query(
      `INSERT INTO need_delivery (need_id, unit_id, alliance_id, created_at)
       SELECT x.need_id, x.unit_id, $1, x.at FROM unnest($2::uuid[], $3::uuid[], $4::timestamptz[]) AS x(need_id, unit_id, at)`,
      [allianceId, w.deliveries.map((x) => x.needId), w.deliveries.map((x) => x.unitId), w.deliveries.map((x) => x.at)],
    );
  }
  await m.insert(Activity, w.activities);
  if (w.activityProjects.length) {
    await m.query(
      `INSERT INTO activity_project (activity_id, shelf_project_id, alliance_id)
       SELECT x.activity_id, x.project_id, $1 FROM unnest($2::uuid[], $3::uuid[]) AS x(activity_id, project_id)`,
      [allianceId, w.activityProjects.map((x) => x.activityId), w.activityProjects.map((x) => x.projectId)],
    );
  }
  if (w.activityNeeds.length) {
    await m.query(
      `INSERT INTO activity_need (activity_id, need_id, alliance_id)
       SELECT x.activity_id, x.need_id, $1 FROM unnest($2::uuid[], $3::uuid[]) AS x(activity_id, need_id)`,
      [allianceId, w.activityNeeds.map((x) => x.activityId), w.activityNeeds.map((x) => x.needId)],
    );
  }
  // Row by row through the trigger, which keeps activity.confirmed_count (and its CHECK holds maxUnits).
  if (w.signups.length) {
    await m.query(
      `INSERT INTO signup (id, alliance_id, activity_id, unit_id, status, headcount, note, created_at, updated_at)
       SELECT x.id, $1, x.activity_id, x.unit_id, x.status, x.headcount, x.note, x.created_at, x.updated_at
         FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::int[], $7::text[], $8::timestamptz[], $9::timestamptz[])
           WITH ORDINALITY AS x(id, activity_id, unit_id, status, headcount, note, created_at, updated_at, n)
        ORDER BY x.n`,
      [
        allianceId,
        w.signups.map((s) => s.id),
        w.signups.map((s) => s.activityId),
        w.signups.map((s) => s.unitId),
        w.signups.map((s) => s.status),
        w.signups.map((s) => s.headcount),
        w.signups.map((s) => s.note),
        w.signups.map((s) => s.createdAt),
        w.signups.map((s) => s.updatedAt),
      ],
    );
  }
  await m.query(
    `INSERT INTO points_entry (alliance_id, unit_id, points, source, source_id, note, earned_at)
     SELECT $1, x.unit_id, x.points, x.source, x.source_id, x.note, x.earned_at
       FROM unnest($2::uuid[], $3::int[], $4::text[], $5::uuid[], $6::text[], $7::timestamptz[]) AS x(unit_id, points, source, source_id, note, earned_at)`,
    [allianceId, w.points.map((p) => p.unitId), w.points.map((p) => p.points), w.points.map((p) => p.source), w.points.map((p) => p.sourceId), w.points.map((p) => p.note), w.points.map((p) => p.earnedAt)],
  );
}

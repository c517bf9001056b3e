import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import type { Role } from '@alliance/shared';
import { useSessionStore } from '../stores/session';
import { INCUBATION_READERS, SessionEndReason } from '@alliance/shared';
import { onPasswordChangeRequired, onSessionExpired } from '../lib/session-events';
import { PASSWORD_CHANGE_ROUTE, guard } from './guard';
import LoginView from '../views/LoginView.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean;
    /** Only these roles (default: every signed-in role). */
    roles?: Role[];
    /** i18n key of the page title (breadcrumbs, open-page tabs). */
    title?: string;
    /** The route name a page sits under (its breadcrumb step and highlighted menu entry), e.g. a need under the board. */
    parent?: string;
  }
}

/** The roles with a 我的待办 (menu entry, route and landing page). */
const WORKS_ON_NEEDS: Role[] = ['UNIT_ADMIN', 'GRID_WORKER'];

/** The page a role lands on. */
export function homeOf(role: Role | null | undefined): string {
  if (role && WORKS_ON_NEEDS.includes(role)) return 'myTasks';
  return role === 'COMMITTEE_ADMIN' ? 'committeeQueues' : 'dashboard';
}

/**
 * A page behind the login, with Apollo (client, cache, links: ~50 KB gzip) loaded beside its
 * code, in parallel: the login page, which signs in with one fetch (lib/sign-in.ts), goes without.
 * apollo.ts makes its client everyone's when it has loaded, before the page is set up.
 */
const loadApollo = () => import('../apollo');
const withApollo =
  <T>(page: () => Promise<T>) =>
  async (): Promise<T> =>
    (await Promise.all([page(), loadApollo()]))[0];

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: LoginView, meta: { public: true, title: 'login.title' } },
  // A temporary password is changed here before anything else (the guard keeps the session on it).
  {
    path: '/password',
    name: PASSWORD_CHANGE_ROUTE,
    component: withApollo(() => import('../views/account/ForcedPasswordView.vue')),
    meta: { title: 'password.forcedTitle' },
  },
  // Print-ready pages (派单单, 签到表): outside the layout, nothing on the sheet but the sheet.
  { path: '/print/need/:id', name: 'printNeed', component: withApollo(() => import('../views/print/PrintNeedView.vue')), props: true, meta: { title: 'ledger.orderSlip' } },
  {
    path: '/print/activity/:id/sign-in',
    name: 'printSignIn',
    component: withApollo(() => import('../views/print/PrintSignInView.vue')),
    props: true,
    meta: { title: 'ledger.signInSheet' },
  },
  {
    path: '/',
    component: withApollo(() => import('../layouts/AppLayout.vue')),
    children: [
      // Each role starts on its work: those who work on needs on 我的待办, the committee on its
      // queues (the dashboard one click away), the viewer on the dashboard.
      { path: '', name: 'home', redirect: () => ({ name: homeOf(useSessionStore().role) }) },
      { path: 'dashboard', name: 'dashboard', component: () => import('../views/DashboardView.vue'), meta: { title: 'nav.dashboard' } },
      { path: 'shelf', name: 'shelf', component: () => import('../views/shelf/ShelfView.vue'), meta: { title: 'nav.shelf' } },
      {
        path: 'shelf/mine',
        name: 'myProjects',
        component: () => import('../views/shelf/MyProjectsView.vue'),
        meta: { parent: 'shelf', title: 'nav.myProjects', roles: ['UNIT_ADMIN'] },
      },
      {
        path: 'shelf/review',
        name: 'reviewQueue',
        component: () => import('../views/shelf/ReviewQueueView.vue'),
        meta: { parent: 'shelf', title: 'nav.reviewQueue', roles: ['COMMITTEE_ADMIN'] },
      },
      { path: 'shelf/projects/:id', name: 'project', component: () => import('../views/shelf/ProjectDetailView.vue'), props: true, meta: { parent: 'shelf', title: 'shelf.project' } },
      {
        path: 'services/bookings',
        name: 'unitBookings',
        component: () => import('../views/services/UnitBookingsView.vue'),
        meta: { title: 'services.nav.bookings', roles: ['UNIT_ADMIN', 'COMMITTEE_ADMIN'] },
      },
      { path: 'services/rooms', name: 'rooms', component: () => import('../views/services/RoomsView.vue'), meta: { title: 'services.nav.rooms' } },
      { path: 'units', name: 'units', component: () => import('../views/units/UnitsView.vue'), meta: { title: 'nav.units' } },
      { path: 'units/:id', name: 'unit', component: () => import('../views/units/UnitDetailView.vue'), props: true, meta: { parent: 'units', title: 'units.detail' } },
      { path: 'needs', name: 'needs', component: () => import('../views/needs/NeedsBoardView.vue'), meta: { title: 'nav.needs' } },
      {
        path: 'needs/report',
        name: 'reportNeed',
        component: () => import('../views/needs/NeedReportView.vue'),
        meta: { parent: 'needs', title: 'nav.reportNeed', roles: ['COMMITTEE_ADMIN', 'GRID_WORKER'] },
      },
      {
        path: 'needs/mine',
        name: 'myTasks',
        component: () => import('../views/needs/MyTasksView.vue'),
        meta: { title: 'nav.myTasks', roles: WORKS_ON_NEEDS },
      },
      {
        path: 'needs/queues',
        name: 'committeeQueues',
        component: () => import('../views/needs/CommitteeQueuesView.vue'),
        meta: { title: 'nav.queues', roles: ['COMMITTEE_ADMIN'] },
      },
      {
        path: 'needs/claimable',
        name: 'claimHall',
        component: () => import('../views/needs/ClaimHallView.vue'),
        meta: { parent: 'needs', title: 'nav.claimHall', roles: ['UNIT_ADMIN'] },
      },
      { path: 'needs/:id', name: 'need', component: () => import('../views/needs/NeedDetailView.vue'), props: true, meta: { parent: 'needs', title: 'needs.detail' } },
      { path: 'activities', name: 'activities', component: () => import('../views/activities/ActivitiesView.vue'), meta: { title: 'nav.activities' } },
      {
        path: 'activities/:id',
        name: 'activity',
        component: () => import('../views/activities/ActivityDetailView.vue'),
        props: true,
        meta: { parent: 'activities', title: 'activities.detail' },
      },
      // The community itself (issue 11): 社区概况 and its party organisation, 党员, 楼栋, 党员承诺.
      { path: 'community', name: 'community', component: () => import('../views/community/CommunityView.vue'), meta: { title: 'community.nav.profile' } },
      { path: 'community/members', name: 'partyMembers', component: () => import('../views/community/PartyMembersView.vue'), meta: { parent: 'community', title: 'community.nav.members' } },
      { path: 'community/buildings', name: 'buildings', component: () => import('../views/community/BuildingsView.vue'), meta: { parent: 'community', title: 'community.nav.buildings' } },
      { path: 'community/commitments', name: 'commitments', component: () => import('../views/community/CommitmentsView.vue'), meta: { parent: 'community', title: 'community.nav.commitments' } },
      // 阳光驿站 (issue 12): the committee, the units (their own) and the viewer.
      { path: 'incubator', name: 'incubator', component: () => import('../views/incubator/IncubatorView.vue'), meta: { title: 'incubator.nav', roles: [...INCUBATION_READERS] } },
      { path: 'profile', name: 'profile', component: () => import('../views/account/ProfileView.vue'), meta: { title: 'nav.profile' } },
      {
        path: 'accounts',
        name: 'accounts',
        component: () => import('../views/account/AccountsView.vue'),
        meta: { title: 'nav.accounts', roles: ['COMMITTEE_ADMIN'] },
      },
      {
        path: 'thesaurus',
        name: 'thesaurus',
        component: () => import('../views/matching/ThesaurusView.vue'),
        meta: { title: 'nav.thesaurus', roles: ['COMMITTEE_ADMIN'] },
      },
      {
        path: 'audit',
        name: 'auditLog',
        component: () => import('../views/account/AuditLogView.vue'),
        meta: { title: 'nav.auditLog', roles: ['COMMITTEE_ADMIN'] },
      },
      {
        path: 'settings/webhook',
        name: 'webhookSettings',
        component: () => import('../views/notifications/WebhookSettingsView.vue'),
        meta: { title: 'webhook.nav', roles: ['COMMITTEE_ADMIN'] },
      },
      { path: ':pathMatch(.*)*', name: 'notFound', component: () => import('../views/NotFoundView.vue'), meta: { title: 'common.notFound' } },
    ],
  },
];

export const router = createRouter({ history: createWebHistory(), routes });

router.beforeEach((to) => guard(to, useSessionStore()));

onSessionExpired((message, reason) => {
  const session = useSessionStore();
  if (!session.signedIn) return;
  session.signOut(reason === SessionEndReason.SESSION_ENDED ? 'accountChanged' : 'expired', message);
  // Only an answer through Apollo ends a session: it is loaded.
  void loadApollo().then(({ apolloClient }) => apolloClient.clearStore());
  const current = router.currentRoute.value;
  const back = !current.meta.public && current.name !== PASSWORD_CHANGE_ROUTE;
  void router.replace({ name: 'login', query: back ? { redirect: current.fullPath } : {} });
});

onPasswordChangeRequired(() => {
  const session = useSessionStore();
  if (!session.signedIn) return;
  session.requirePasswordChange();
  if (router.currentRoute.value.name !== PASSWORD_CHANGE_ROUTE) void router.replace({ name: PASSWORD_CHANGE_ROUTE });
});

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import helmet from 'helmet';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { ChangeFeed } from './database/change-feed.js';
import { ACCOUNT_CHANGED, AccountRegistry } from './modules/auth/account-registry.js';
import { SignInThrottle } from './modules/auth/sign-in-throttle.js';
import { ResidentsAbuseGuard } from './modules/residents/abuse-guard.js';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { sqlStatements, StatementObserver } from './database/sql-counter.js';
import { HttpDrain } from './http-drain.js';
import { assignRequestId, createMetrics, metricsEndpoint } from './observability.js';
import { graphqlOverHttp } from './graphql-http.js';
import { answerJson } from './json-answer.js';
import type { Pool } from 'pg';
import { compressedAssets, HASHED_ASSETS, IMMUTABLE } from './web-assets.js';
import { DashboardCache } from './modules/dashboard/dashboard.cache.js';
import { DASHBOARD_CHANGED, listenDashboard } from './modules/dashboard/dashboard.subscribers.js';
import { listenMatching, MATCHING_CHANGED, MatchIndexes } from './modules/matching/matching.service.js';
import type { EventBus } from './common/events/event-bus.js';
import { importRoutes } from './modules/import/import.routes.js';
import { exportRoutes } from './modules/export/export.routes.js';
import { NotificationHub } from './modules/notification/notification.hub.js';
import { NOTIFICATION_ADDED } from './modules/notification/notification.service.js';
import { serveSubscriptions } from './modules/notification/notification.socket.js';
import { scheduleNotificationSweep } from './modules/notification/notification.job.js';
import { WEBHOOK_PENDING, scheduleWebhookSender } from './modules/notification/webhook.sender.js';
import { attachmentRoutes } from './modules/attachment/attachment.routes.js';
import { publicAttachmentRoutes } from './modules/residents/residents.routes.js';
import type { AppDeps, RequestContext } from './graphql/context.js';
import { buildAppSchema, createContext, createLoaders } from './composition.js';
import { REFERENCE_CHANGED, ReferenceData } from './modules/alliance/reference-data.js';
import { createEventBus } from './events.js';
import { DEMO_PASSWORD } from './modules/auth/passwords.js';
import { DATABASE_UNAVAILABLE, makeFormatError } from './graphql/errors.js';
import { requestLimits } from './graphql/limits.js';
import { replicaRouting } from './graphql/replica-routing.js';
import { primaryUrl } from './database/data-source.js';

export interface AppOptions {
  /** False while the database is known to be down (the embedded one restarting): GraphQL answers 503 at once. */
  databaseAvailable?: () => boolean;
}

export interface RunningApp {
  url: string;
  port: number;
  /** The instance's domain events (tests subscribe to see what was published). */
  events: EventBus;
  close(): Promise<void>;
}

/** How long after a mutation its client's reads stay on the primary: far beyond a healthy replica's lag. */
const READ_YOUR_WRITES_SECONDS = 10;

// Limits sized for the admin's own operations, which stay far below them.
const MAX_TOKENS = 5000;
const armor = new ApolloArmor({
  maxDepth: { n: 10 },
  maxAliases: { n: 15 },
  maxDirectives: { n: 20 },
  // Counted by graphql-js's own parser instead (parseOptions below): armor's extra parse turned
  // every syntax error into an unexpected error, answered 500.
  maxTokens: { enabled: false },
  // The cost is estimated with list sizes (`first`) by graphql/limits.ts instead: armor's counts a list as one item.
  costLimit: { enabled: false },
  blockFieldSuggestion: { enabled: true },
});

/** Tells tests and benchmarks how many SQL statements the request sent. */
const sqlCountHeader: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('x-sql-statements', String(sqlStatements.getStore()?.count ?? 0));
      },
    };
  },
};

/**
 * On every response: the admin runs under this CSP (Element Plus sets inline
 * styles; scripts only from this origin), no framing, no sniffing, no
 * referrer. HSTS only on a request that came over TLS (directly or as the
 * trusted proxy says): on plain HTTP it would lock a browser out.
 */
export const HELMET_OPTIONS: Parameters<typeof helmet>[0] = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  strictTransportSecurity: false,
};

/**
 * The headers helmet sets with these options, asked of helmet once: none of
 * them depends on the request (no directive is a function, no nonce), and
 * running its dozen middlewares on every request was ~1.4 % of the server's
 * CPU on the activity page (test/bench/analysis.md).
 */
export function helmetHeaders(options: Parameters<typeof helmet>[0]): Map<string, string> {
  const set = new Map<string, string>();
  const response = {
    setHeader: (name: string, value: string) => void set.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => void set.delete(name.toLowerCase()),
  };
  let done = false;
  helmet(options)({} as express.Request, response as unknown as express.Response, () => void (done = true));
  if (!done) throw new Error('helmet did not finish at once: its headers depend on the request');
  return set;
}

/** Sets the security headers on a response; HSTS only over HTTPS (`secure` as Express's `req.secure`). */
function securityHeaders(): (res: ServerResponse, secure: boolean) => void {
  const headers = helmetHeaders(HELMET_OPTIONS);
  return (res, secure) => {
    res.setHeaders(headers);
    if (secure) res.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
  };
}

/** While the database cannot be reached: 503 with Retry-After, nothing executed (returns true, for `refused`). */
function databaseUnavailable(res: ServerResponse): true {
  answerJson(res, 503, { errors: [{ message: DATABASE_UNAVAILABLE, extensions: { code: 'SERVICE_UNAVAILABLE' } }] }, { 'retry-after': '2' });
  return true;
}

/** A request the database could not serve is answered 503 with Retry-After, so that clients and proxies know to try again. */
const unavailableIs503: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const body = response.body;
        const errors = body.kind === 'single' ? body.singleResult.errors : undefined;
        if (errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) {
          response.http.status = 503;
          response.http.headers.set('retry-after', '2');
        }
      },
    };
  },
};

/**
 * The HTTP server: GraphQL at /graphql, a health check, and the built admin
 * at / when there is one. Stateless: every instance behind a load balancer
 * serves any request from the database alone.
 */
export async function startApp(config: Config, dataSource: DataSource, log: Logger, options: AppOptions = {}): Promise<RunningApp> {
  const app = express();
  app.disable('x-powered-by');
  // X-Forwarded-For is believed only from the proxy TRUST_PROXY names: otherwise anyone could pick their address.
  app.set('trust proxy', config.trustProxy ?? false);
  // /graphql is answered before Express once Apollo has started (graphql-http.ts); everything else by Express.
  let graphql: ((req: IncomingMessage, res: ServerResponse) => boolean) | undefined;
  const httpServer: Server = createServer((req, res) => void (graphql?.(req, res) || app(req, res)));
  const drain = new HttpDrain(httpServer);
  const trustProxy = config.trustProxy !== false;
  const security = securityHeaders();
  const head = (req: IncomingMessage, res: ServerResponse, secure: boolean) => {
    assignRequestId(req, res, trustProxy);
    security(res, secure);
  };
  app.use((req, res, next) => {
    head(req, res, req.secure);
    if (!drain.refused(res)) next();
  });

  const metrics = createMetrics(() => (dataSource.driver as PostgresDriver).master as Pool | undefined, log);
  // TypeORM builds its subscribers at initialize; the metrics are this app's, so the observer joins here and leaves at close.
  const statementObserver = new StatementObserver(metrics.statement, log, config.slowStatementMs);
  dataSource.subscribers.push(statementObserver);
  const protection = armor.protect();
  const schema = await buildAppSchema();
  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    persistedQueries: false,
    // The process's stop is serve.ts's (drain, pool, database, exit code). Left on, Apollo's own SIGTERM
    // handler calls stop() too, and a second stop() while the first is under way waits on a barrier that
    // @apollo/server 5 resolves only when stopping fails: the drain then hung until the 30 s limit, exit 1.
    stopOnTerminationSignals: false,
    formatError: makeFormatError(log, { production: config.production }),
    validationRules: protection.validationRules,
    parseOptions: { maxTokens: MAX_TOKENS },
    plugins: [
      // graphql-armor's typings name Apollo's CommonJS build; the objects are the same.
      ...(protection.plugins as unknown as ApolloServerPlugin<RequestContext>[]),
      // We set no cache hints; the default cache-control plugin would still wrap every field (docs/benchmarks.md).
      ApolloServerPluginCacheControlDisabled(),
      metrics.plugin as ApolloServerPlugin<RequestContext>,
      requestLimits<RequestContext>(),
      unavailableIs503,
      ...(config.databaseReplicaUrls.length ? [replicaRouting(READ_YOUR_WRITES_SECONDS)] : []),
      ...(config.exposeSqlCount ? [sqlCountHeader] : []),
    ],
  });
  await apollo.start();

  const feed = new ChangeFeed(primaryUrl(dataSource), log);
  // Tells this instance's own notifications from the others'.
  const instanceId = randomUUID();
  const dashboardCache = new DashboardCache(config.dashboardCacheSeconds, () => feed.live);
  listenDashboard(feed, dashboardCache, instanceId);
  const matching = new MatchIndexes(() => feed.live);
  listenMatching(feed, matching);
  const referenceData = new ReferenceData(dataSource, feed);
  const stopWebhooks = scheduleWebhookSender(dataSource, feed, log, 30);
  await feed.start([ACCOUNT_CHANGED, DASHBOARD_CHANGED, MATCHING_CHANGED, NOTIFICATION_ADDED, WEBHOOK_PENDING, REFERENCE_CHANGED]);
  const deps: AppDeps = {
    dataSource,
    config,
    log,
    // Counted in PostgreSQL: the same limits on every instance.
    signInThrottle: new SignInThrottle((dataSource.driver as PostgresDriver).master),
    residentsGuard: new ResidentsAbuseGuard((dataSource.driver as PostgresDriver).master, config.jwtSecret),
    accounts: new AccountRegistry(dataSource, feed),
    dashboardCache,
    matching,
    events: createEventBus({ log, dashboardCache, feed, instanceId, matching }),
    notifications: new NotificationHub(dataSource, feed, log),
    feed,
    createLoaders: (scope) => createLoaders(scope, referenceData),
  };
  // Subscriptions over graphql-ws on the same port and path; a stop closes them first (1001: the client reconnects elsewhere).
  const sockets = serveSubscriptions(httpServer, schema, feed, (authorization, ip) => createContext(deps, authorization, ip), {
    production: config.production,
    maxTokens: MAX_TOKENS,
  });
  drain.closeFirst(() => sockets.dispose());
  const stopSweep = config.notificationSweepSeconds ? scheduleNotificationSweep(dataSource, log, config.notificationSweepSeconds) : () => undefined;

  deps.dashboardCache.onLookup = metrics.dashboardLookup;
  app.get('/metrics', metricsEndpoint(metrics, config.metricsToken));

  // Liveness: the process answers. A database outage must not get it killed and restarted for nothing.
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Readiness: worth sending requests to (not stopping, the database reachable, its schema migrated).
  app.get('/readyz', async (_req, res) => {
    if (drain.draining) return void res.status(503).json({ status: 'stopping' });
    try {
      if (await dataSource.showMigrations()) return void res.status(503).json({ status: 'migrations pending' });
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'database unavailable' });
    }
  });

  const { databaseAvailable } = options;
  graphql = graphqlOverHttp({
    apollo,
    context: (authorization, ip) => createContext(deps, authorization, ip),
    trust: app.get('trust proxy fn') as (address: string, hop: number) => boolean,
    head,
    refused: (res) => drain.refused(res) || (databaseAvailable !== undefined && !databaseAvailable() && databaseUnavailable(res)),
    countStatements: config.exposeSqlCount,
    log,
  });

  // Spreadsheet imports (党员, 楼栋): a file streamed in, a report out.
  app.use('/api/import', importRoutes((req) => createContext(deps, req.headers.authorization, req.ip ?? 'unknown'), log));
  // Excel exports of the list screens and the monthly 台账: the lists' own GraphQL queries, streamed into a workbook.
  app.use('/export', exportRoutes((req) => createContext(deps, req.headers.authorization, req.ip ?? 'unknown'), buildAppSchema, log));
  app.use('/api/attachments', attachmentRoutes((req) => createContext(deps, req.headers.authorization, req.ip ?? 'unknown'), log));
  // The residents' page: no sign-in, a tracking code instead.
  app.use('/api/public/attachments', publicAttachmentRoutes((req) => createContext(deps, undefined, req.ip ?? 'unknown'), log));

  if (config.webDist && existsSync(path.join(config.webDist, 'index.html'))) {
    const root = path.resolve(config.webDist);
    app.use(`/${HASHED_ASSETS}`, compressedAssets(root));
    app.use(
      express.static(root, {
        index: false,
        setHeaders: (res, file) => {
          const hashed = path.relative(root, file).startsWith(HASHED_ASSETS + path.sep);
          res.setHeader('cache-control', hashed ? IMMUTABLE : 'no-cache');
        },
      }),
    );
    let page = readFileSync(path.join(root, 'index.html'), 'utf8');
    if (config.seedDemo) {
      // A demo server tells its login page which demo accounts to offer; a production one never does,
      // nor loads the demo data's module.
      const { DEMO_USERNAMES } = await import('./modules/seed/seed.js');
      const demo = JSON.stringify({ logins: DEMO_USERNAMES, password: DEMO_PASSWORD }).replace(/"/g, '&quot;');
      page = page.replace('</head>', `  <meta name="alliance-demo" content="${demo}" />\n  </head>`);
    }
    // The residents' page (/r/<alliance code>): an entry of its own, without the admin's code or the demo's logins.
    const residentsPage = path.join(root, 'residents.html');
    if (existsSync(residentsPage)) {
      const residents = readFileSync(residentsPage, 'utf8');
      app.get(/^\/r\/[^/]+\/?$/, (_req, res) => res.set('cache-control', 'no-cache').type('html').send(residents));
    }
    // Always asked again (a 304 when unchanged): it names the current build's assets.
    app.get(/^\/(?!graphql|api\/|export\/).*/, (_req, res) => res.set('cache-control', 'no-cache').type('html').send(page));
  }

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = ['0.0.0.0', '127.0.0.1', '::'].includes(config.host) ? 'localhost' : config.host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    events: deps.events,
    close: async () => {
      stopSweep();
      stopWebhooks();
      await drain.stop();
      await apollo.stop();
      await feed.close();
      dataSource.subscribers.splice(dataSource.subscribers.indexOf(statementObserver), 1);
    },
  };
}

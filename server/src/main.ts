import { serve } from './serve.js';

// The production entry (the image, `node server/dist/main.js`): an external PostgreSQL through DATABASE_URL, nothing embedded.
serve(null);

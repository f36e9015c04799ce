// The contrib extensions the migrations create (pg_trgm: the case list's search indexes). PGlite
// must be given them whenever it is opened, or a database that uses them will not load. Kept
// apart from database.ts so prisma.config.ts can import it before the client is generated.
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

export const PGLITE_EXTENSIONS = { pg_trgm };
